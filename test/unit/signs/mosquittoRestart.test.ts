import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { TEST_CONFIG } from './feedTestKit';
import { hasMosquitto, MosquittoBroker, mosquittoAccounts, mosquittoTestAccounts } from './mosquitto';
import { freePort, waitFor } from './netUtil';
import { restartScenario } from './restartScenario';

const mosquitto = mosquittoAccounts(TEST_CONFIG.roles, 'tiny');
const accounts = mosquittoTestAccounts(mosquitto);

describe.skipIf(!hasMosquitto())('Mosquitto broker restart', () => {
  let broker: MosquittoBroker;
  beforeAll(async () => {
    broker = new MosquittoBroker(await freePort(), await freePort(), mosquitto);
    await broker.start();
  });
  afterAll(async () => { await broker?.dispose(); });

  it('delivers every QoS 1 alarm published while it was down to the persistent-session display, and readings resume', async () => {
    const r = await restartScenario(broker, accounts);
    console.log(`mosquitto restart: ${JSON.stringify(r)}`);
    expect(r.alarmsDelivered).toBe(20);
  });

  it('refuses publishes from the read-only display account', async () => {
    const seen: string[] = [];
    const observer = mqtt.connect(broker.urls.tcp, accounts.operator('observer'));
    const display = mqtt.connect(broker.urls.ws, accounts.display('rogue'));
    try {
      observer.on('message', (t) => seen.push(t));
      await waitFor(() => observer.connected && display.connected, 5000, 'clients to connect');
      await observer.subscribeAsync('city/tiny/#', { qos: 1 });
      await display.publishAsync('city/tiny/510104/fire_alarm/FA-00001', '{"forged":true}', { qos: 1 });
      const sensor = mqtt.connect(broker.urls.tcp, accounts.sensor('ok'));
      await waitFor(() => sensor.connected, 5000, 'sensor to connect');
      await sensor.publishAsync('city/tiny/510104/fire_alarm/FA-00002', '{"real":true}', { qos: 1 });
      await waitFor(() => seen.length > 0, 5000, 'the sensor message');
      await sensor.endAsync();
      expect(seen).toEqual(['city/tiny/510104/fire_alarm/FA-00002']);
    } finally {
      await observer.endAsync(true);
      await display.endAsync(true);
    }
  });
});
