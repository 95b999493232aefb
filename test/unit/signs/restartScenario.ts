import mqtt from 'mqtt';
import { expect } from 'vitest';
import { SignsConnection } from '../../../src/signs/connection/SignsConnection';
import { defaultRules } from '../../../src/signs/rules/defaultRules';
import { SignsStore } from '../../../src/signs/SignsStore';
import { cityTopicFilter } from '../../../src/signs/topics';
import type { TestAccounts } from './feedTestKit';
import { waitFor } from './netUtil';
import { message, TINY_UNITS, tinyRegistry, tinySensor } from './tinyCity';

/** A broker the scenario can stop and start again on the same ports with its sessions kept. */
export interface RestartableBroker {
  urls: { tcp: string; ws: string };
  stop(): Promise<void>;
  start(): Promise<void>;
}

/**
 * The broker-restart check: a display (persistent session, QoS 1, WebSocket) and a sensor
 * publisher (TCP) are connected; the broker goes down; the publisher sends QoS 1 fire alarms
 * while it is down (mqtt.js queues them); the broker comes back. Every alarm must reach the
 * display, the display must find its session, and readings must flow again. The display
 * retries slower than the publisher so the alarms wait in the broker's copy of its session.
 */
export async function restartScenario(broker: RestartableBroker, accounts: TestAccounts, alarms = 20): Promise<Record<string, number>> {
  const gauge = tinySensor('WL-1', 'water_level', 'G11');
  const fires = Array.from({ length: alarms }, (_, i) => tinySensor(`FA-${i + 1}`, 'fire_alarm', i % 2 ? 'G12' : 'G21'));
  const store = new SignsStore({ registry: tinyRegistry([gauge, ...fires]), units: TINY_UNITS, rules: defaultRules() });
  const display = new SignsConnection({
    url: broker.urls.ws, ...accounts.display(`restart-${Date.now()}`), topics: [cityTopicFilter('tiny')], reconnectMinMs: 1200, reconnectMaxMs: 2400,
  }, (t, p) => store.ingest(t, p));
  const pub = mqtt.connect(broker.urls.tcp, { ...accounts.sensor(`restart-${Date.now()}`), clean: true, reconnectPeriod: 150, protocolVersion: 4 });
  pub.on('error', () => {});
  let pubBackAt = 0, displayBackAt = 0;
  try {
    display.connect();
    await waitFor(() => pub.connected && display.status.state === 'connected', 5000, 'both clients to connect');
    let t = Date.now() - 60_000;
    const gaugeReading = () => pub.publish(gauge.topic, Buffer.from(message(gauge, (t += 1000), 2.5)), { qos: 0 });
    await waitFor(() => { gaugeReading(); return store.buffers.counts[0] > 0; }, 5000, 'the display to subscribe');
    await broker.stop();
    await waitFor(() => !pub.connected && display.status.state !== 'connected', 5000, 'both clients to see the broker go');
    const now = Date.now();
    fires.forEach((f, i) => pub.publish(f.topic, Buffer.from(message(f, now - alarms + i, true)), { qos: 1 }));
    pub.once('connect', () => { pubBackAt = Date.now(); });
    display.events.subscribe('status', (s) => { if (s.state === 'connected' && !displayBackAt) displayBackAt = Date.now(); });
    const downAt = Date.now();
    await broker.start();
    const upAt = Date.now();
    await waitFor(() => store.openAlerts().length === alarms, 10_000, `all ${alarms} QoS 1 alarms to reach the display`);
    const readingsBefore = store.buffers.counts[0];
    await waitFor(() => { gaugeReading(); return store.buffers.counts[0] > readingsBefore; }, 5000, 'readings to resume');
    expect(new Set(store.openAlerts().map((a) => a.sensorId))).toEqual(new Set(fires.map((f) => f.id)));
    expect(display.status.connects).toBe(2);
    expect(display.status.sessionPresent).toBe(true);
    expect(pubBackAt).toBeGreaterThan(0);
    expect(displayBackAt).toBeGreaterThan(pubBackAt);
    return { downMs: upAt - downAt, alarmsDelivered: store.openAlerts().length, displayGapMs: displayBackAt - pubBackAt };
  } finally {
    await display.dispose();
    await new Promise<void>((r) => pub.end(true, {}, () => r()));
    store.dispose();
  }
}
