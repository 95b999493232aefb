import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MosquittoDynsecGrants } from '../../../src/server/grants/MosquittoDynsecGrants';
import { tempDataDir, testAuthority } from '../signs/feedTestKit';
import { dynsecPlugin, hasMosquitto, MosquittoBroker } from '../signs/mosquitto';
import { freePort } from '../signs/netUtil';
import { closes, connectOrRefusal } from './brokerProbe';

describe.skipIf(!hasMosquitto() || !dynsecPlugin())('Mosquitto with dynamic security: per-tab grants from the session server', () => {
  const data = tempDataDir();
  const admin = { username: 'rc-admin', password: 'admin-test-password' };
  let broker: MosquittoBroker, grants: MosquittoDynsecGrants;
  beforeAll(async () => {
    const { authority } = await testAuthority(data.dir);
    broker = new MosquittoBroker(await freePort(), await freePort(), [], admin);
    await broker.start();
    grants = new MosquittoDynsecGrants(broker.urls.tcp, admin, authority, 2);
    await grants.start();
    await grants.ensureService(authority.accounts.get('gateway')!, 'gateway-secret', 'gateway:probe');
  });
  afterAll(async () => { await grants?.stop(); await broker?.dispose(); data.remove(); });

  it('connects a grant with its own client id only, within its role, and disconnects it when it expires', async () => {
    const { authority } = await testAuthority(data.dir);
    const g = await grants.grant(authority.accounts.get('viewer')!, 'tab0001');
    expect(g.clientId).toBe('viewer:tab0001');
    await expect(connectOrRefusal(broker.urls.tcp, { username: g.username, password: g.token, clientId: 'viewer:other' })).rejects.toThrow(/Not authorized|Bad username|Identifier/i);
    await expect(connectOrRefusal(broker.urls.tcp, { username: g.username, password: 'guess', clientId: g.clientId })).rejects.toThrow(/Not authorized|Bad username/i);
    const display = await connectOrRefusal(broker.urls.ws, { username: g.username, password: g.token, clientId: g.clientId });
    expect((await display.subscribeAsync('city/demo/#', { qos: 1 }))[0].qos).toBe(1);
    await expect(display.subscribeAsync('control/#', { qos: 1 })).rejects.toThrow(/Subscribe error/);
    const gw = await connectOrRefusal(broker.urls.tcp, { username: 'gateway', password: 'gateway-secret', clientId: 'gateway:probe' });
    const got: string[] = [];
    display.on('message', (t) => got.push(t));
    await gw.publishAsync('city/demo/510104/water_level/WL-1', '{}', { qos: 1 });
    await gw.endAsync();
    await new Promise((r) => setTimeout(r, 200));
    expect(got).toEqual(['city/demo/510104/water_level/WL-1']);
    expect(await closes(display, 4000)).toBe(true);
    await expect(connectOrRefusal(broker.urls.tcp, { username: g.username, password: g.token, clientId: g.clientId })).rejects.toThrow(/Not authorized|Bad username/i);
  });
});
