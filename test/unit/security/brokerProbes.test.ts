import mqtt from 'mqtt';
import { connect as tcpConnect, type Socket } from 'node:net';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedBroker } from '../../../src/feed/EmbeddedBroker';
import type { Authority } from '../../../src/server/Authority';
import { brokerOptions, TEST_CONFIG, tempDataDir, testAuthority, type TestAccounts } from '../signs/feedTestKit';
import { waitFor } from '../signs/netUtil';
import { closes, connectOrRefusal, streamOversizedPacket } from './brokerProbe';

const data = tempDataDir();
let authority: Authority, accounts: TestAccounts, passwords: Record<string, string>, broker: EmbeddedBroker;

beforeAll(async () => {
  ({ authority, accounts, passwords } = await testAuthority(data.dir));
  broker = await EmbeddedBroker.start(brokerOptions(authority, { tcpPort: 0, wsPort: 0 }));
});
afterAll(async () => { await broker?.stop(); data.remove(); });

describe('broker probe: log-in and client ids (issue 14 items 1-2)', () => {
  it('refuses a person\'s password, a forged or foreign token, and accepts the account\'s own token', async () => {
    const viewer = accounts.display('tab1');
    await expect(connectOrRefusal(broker.urls.tcp, { ...viewer, password: passwords.viewer })).rejects.toThrow(/Bad username or password/i);
    await expect(connectOrRefusal(broker.urls.tcp, { ...viewer, password: viewer.password.slice(0, -2) + 'xx' })).rejects.toThrow(/Bad username or password/i);
    await expect(connectOrRefusal(broker.urls.tcp, { ...viewer, username: 'operator' })).rejects.toThrow(/Bad username or password|Identifier rejected/i);
    await expect(connectOrRefusal(broker.urls.tcp, { ...viewer, username: undefined, password: undefined })).rejects.toThrow(/Bad username or password/i);
    const ok = await connectOrRefusal(broker.urls.tcp, viewer);
    await ok.endAsync();
    const gateway = await connectOrRefusal(broker.urls.tcp, { username: 'gateway', password: passwords.gateway, clientId: 'gateway:probe' });
    await gateway.endAsync();
  });

  it('refuses a client id of another account: no takeover of a display\'s session or queued alarms', async () => {
    const display = await connectOrRefusal(broker.urls.ws, { ...accounts.display('victim'), clean: false });
    await display.subscribeAsync('city/demo/#', { qos: 1 });
    const got: string[] = [];
    display.on('message', (t) => got.push(t));
    // The sensor account (a gateway with a password) presenting the display's client id.
    await expect(connectOrRefusal(broker.urls.tcp, { username: 'gateway', password: passwords.gateway, clientId: 'viewer:victim', clean: false }))
      .rejects.toThrow(/Identifier rejected/i);
    // The display's own token for another tab, and a token minted for another client id.
    const other = accounts.display('other');
    await expect(connectOrRefusal(broker.urls.tcp, { ...other, clientId: 'viewer:victim' })).rejects.toThrow(/Bad username or password/i);
    expect(display.connected).toBe(true);
    const pub = await connectOrRefusal(broker.urls.tcp, accounts.sensor('probe'));
    await pub.publishAsync('city/demo/510104/fire_alarm/FA-1', '{"probe":1}', { qos: 1 });
    await waitFor(() => got.length === 1, 3000, 'the alarm at the display');
    await pub.endAsync();
    await display.endAsync();
    expect(broker.refusals.refusedClientIds).toBeGreaterThanOrEqual(1);
  });

  it('refuses a display that tries to take the simulator\'s client id', async () => {
    const sim = await connectOrRefusal(broker.urls.tcp, accounts.sensor('simulator-1'));
    await expect(connectOrRefusal(broker.urls.tcp, { ...accounts.display('x'), clientId: 'sensor:simulator-1' })).rejects.toThrow(/Bad username or password|Identifier rejected/i);
    await new Promise((r) => setTimeout(r, 200));
    expect(sim.connected).toBe(true);
    await sim.endAsync();
  });

  it('closes a connection when its token expires, and refuses the expired token', async () => {
    const c = authority.credentials('viewer', 'short', 1);
    const client = await connectOrRefusal(broker.urls.tcp, c);
    const t0 = Date.now();
    expect(await closes(client, 3000)).toBe(true);
    console.log(`token of 1 s: connection closed ${Date.now() - t0} ms after CONNACK`);
    await new Promise((r) => setTimeout(r, 1100));
    await expect(connectOrRefusal(broker.urls.tcp, c)).rejects.toThrow(/Bad username or password/i);
  });
});

describe('broker probe: Origin on the WebSocket listener (item 3)', () => {
  const open = (origin: string | undefined, host?: string) => new Promise<number>((resolve) => {
    const headers: Record<string, string> = {};
    if (host) headers.host = host;
    const ws = new WebSocket(broker.urls.ws, 'mqtt', { ...(origin ? { origin } : {}), headers });
    ws.once('open', () => { ws.close(); resolve(101); });
    ws.once('unexpected-response', (_req, res) => { resolve(res.statusCode ?? 0); ws.terminate(); });
    ws.once('error', () => resolve(-1));
  });

  it('refuses a page on another origin (403) and a rebinding host; accepts same-origin and non-browser clients', async () => {
    const port = new URL(broker.urls.ws).port;
    expect(await open('http://evil.example')).toBe(403);
    expect(await open('http://evil.example:' + port, 'evil.example:' + port)).toBe(403);
    expect(await open('null')).toBe(403);
    expect(await open(`http://127.0.0.1:${port}`)).toBe(101);
    expect(await open(undefined)).toBe(101);
    // The refused origin never reaches MQTT: an operator token over it would have published on control/#.
    expect(broker.refusals.refusedOrigins).toBe(3);
  });
});

describe('broker probe: limits (item 4)', () => {
  const { maxConnectBytes, maxPacketBytes, maxRetainedBytes } = TEST_CONFIG.limits;

  it(`closes a CONNECT claiming 128 MB after its header (limit ${maxConnectBytes} bytes before login)`, async () => {
    const rss0 = process.memoryUsage().rss;
    const runs = await Promise.all([0, 1, 2, 3].map(() => streamOversizedPacket(Number(new URL(broker.urls.tcp).port), 0x10, 128 * 1024 * 1024, 32 * 1024 * 1024)));
    const rssMb = (process.memoryUsage().rss - rss0) / 2 ** 20;
    console.log(`4 sockets streaming 128 MB CONNECTs: closed after ${runs.map((r) => `${r.sentBytes} B/${r.ms} ms`).join(', ')}; rss +${rssMb.toFixed(1)} MB`);
    for (const r of runs) {
      expect(r.closedByServer).toBe(true);
      expect(r.sentBytes).toBeLessThan(8 * 1024 * 1024);
    }
    expect(broker.refusals.oversizedPackets).toBeGreaterThanOrEqual(4);
  });

  it(`closes a logged-in client sending a packet over ${maxPacketBytes} bytes`, async () => {
    const c = await connectOrRefusal(broker.urls.tcp, accounts.sensor('big'));
    c.publish('city/demo/510104/water_level/WL-1', Buffer.alloc(maxPacketBytes + 1), { qos: 0 });
    expect(await closes(c, 3000)).toBe(true);
    c.end(true);
  });

  it(`refuses a retained message over ${maxRetainedBytes} bytes (and from roles without retain); new displays get only what fits`, async () => {
    const big = await connectOrRefusal(broker.urls.tcp, accounts.sensor('retain-big'));
    big.publish('city/demo/510104/water_level/WL-2', Buffer.alloc(maxRetainedBytes + 1), { qos: 0, retain: true });
    expect(await closes(big, 3000)).toBe(true);
    big.end(true);
    const op = await connectOrRefusal(broker.urls.tcp, accounts.operator('retain'));
    op.publish('control/anomaly', '{"type":"fire"}', { qos: 0, retain: true });
    expect(await closes(op, 3000)).toBe(true);
    op.end(true);
    const ok = await connectOrRefusal(broker.urls.tcp, accounts.sensor('retain-ok'));
    await ok.publishAsync('city/demo/510104/water_level/WL-3', Buffer.alloc(1000), { qos: 1, retain: true });
    await ok.endAsync();
    const got: Array<[string, number]> = [];
    const display = await connectOrRefusal(broker.urls.tcp, accounts.display('retain'));
    const sensor = await connectOrRefusal(broker.urls.tcp, accounts.sensor('retain-control'));
    for (const c of [display, sensor]) c.on('message', (t, p) => got.push([t, p.length]));
    await display.subscribeAsync('city/demo/510104/water_level/+', { qos: 1 });
    await sensor.subscribeAsync('control/#', { qos: 1 });
    await new Promise((r) => setTimeout(r, 300));
    await display.endAsync();
    await sensor.endAsync();
    expect(got).toEqual([['city/demo/510104/water_level/WL-3', 1000]]);
    expect(broker.refusals.refusedRetained).toBe(2);
  });

  it('refuses connections past the limits, and closes one that sends no CONNECT in time', async () => {
    const limits = { ...TEST_CONFIG.limits, maxConnections: 12, maxConnectionsPerAddress: 8, connectTimeoutMs: 400 };
    const small = await EmbeddedBroker.start({ ...brokerOptions(authority, { tcpPort: 0, wsPort: 0 }), limits });
    const port = Number(new URL(small.urls.tcp).port);
    const sockets: Socket[] = [];
    const closed = new Set<number>();
    try {
      for (let i = 0; i < 20; i++) {
        const s = tcpConnect({ port, host: '127.0.0.1' });
        s.on('error', () => {});
        s.on('close', () => closed.add(i));
        sockets.push(s);
      }
      await waitFor(() => closed.size >= 12, 2000, 'the connections past the limit to be closed');
      expect(small.refusals.refusedConnections).toBe(12);
      expect(small.openConnections).toBe(8);
      await waitFor(() => closed.size === 20, 2000, 'idle connections to time out');
      console.log(`20 raw connections against limits 12/8 per address: 12 refused at once, 8 closed after the ${limits.connectTimeoutMs} ms CONNECT timeout`);
    } finally {
      for (const s of sockets) s.destroy();
      await small.stop();
    }
  });

  it('counts the display\'s publish as refused and closes it (read-only role)', async () => {
    const c = await connectOrRefusal(broker.urls.ws, accounts.display('rogue'));
    const before = broker.refusals.refusedPublishes;
    c.publish('city/demo/510104/fire_alarm/FA-1', '{"forged":true}', { qos: 1 });
    expect(await closes(c, 3000)).toBe(true);
    c.end(true);
    expect(broker.refusals.refusedPublishes).toBe(before + 1);
  });
});

describe('mqtt.js reconnect with a fresh token', () => {
  it('reconnects after expiry when the client updates its password before the retry', async () => {
    let n = 0;
    const first = authority.credentials('viewer', 'renew', 1);
    const c = mqtt.connect(broker.urls.tcp, { ...first, reconnectPeriod: 200, protocolVersion: 4 });
    c.on('error', () => {});
    c.on('reconnect', () => { n++; c.options.password = authority.credentials('viewer', 'renew', 30).password; });
    await waitFor(() => c.connected, 3000, 'first connect');
    await waitFor(() => n > 0 && c.connected, 5000, 'reconnect with the new token');
    await c.endAsync();
  });
});
