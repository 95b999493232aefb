import { connect as tcpConnect, type Socket } from 'node:net';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';

/** The MQTT remaining-length varint of n. */
export function varint(n: number): Buffer {
  const out: number[] = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Buffer.from(out);
}

/**
 * Opens a raw TCP socket and streams a packet header claiming `claimedBytes`, then zero bytes in
 * 64 KiB chunks until the server closes it or `maxSendBytes` went out. Returns the bytes the
 * server took before closing, and whether it closed.
 */
export function streamOversizedPacket(port: number, firstByte: number, claimedBytes: number, maxSendBytes: number, prefix: Buffer = Buffer.alloc(0)): Promise<{ sentBytes: number; closedByServer: boolean; ms: number }> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const s: Socket = tcpConnect({ port, host: '127.0.0.1' });
    let sent = 0, done = false;
    const chunk = Buffer.alloc(64 * 1024);
    const finish = (closedByServer: boolean) => { if (!done) { done = true; s.destroy(); resolve({ sentBytes: sent, closedByServer, ms: Date.now() - t0 }); } };
    const pump = () => {
      while (!done && sent < maxSendBytes) {
        sent += chunk.length;
        if (!s.write(chunk)) { s.once('drain', pump); return; }
      }
      if (sent >= maxSendBytes) setTimeout(() => finish(false), 300);
    };
    s.on('connect', () => {
      const head = Buffer.concat([prefix, Buffer.from([firstByte]), varint(claimedBytes)]);
      sent += head.length;
      s.write(head);
      pump();
    });
    s.on('close', () => finish(true));
    s.on('error', () => finish(true));
  });
}

/** Connects and resolves with the client once CONNACK accepted, or rejects with the broker's reason. */
export function connectOrRefusal(url: string, opts: IClientOptions): Promise<MqttClient> {
  return new Promise((resolve, reject) => {
    const c = mqtt.connect(url, { reconnectPeriod: 0, connectTimeout: 5000, protocolVersion: 4, ...opts });
    c.once('connect', () => resolve(c));
    c.once('error', (err) => { c.end(true); reject(err); });
    c.once('close', () => { if (!c.connected) reject(new Error('closed before CONNACK')); });
  });
}

/** Resolves when the client's connection closes (or after timeoutMs with false). */
export function closes(c: MqttClient, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (!c.connected) return resolve(true);
    const t = setTimeout(() => resolve(false), timeoutMs);
    c.once('close', () => { clearTimeout(t); resolve(true); });
  });
}
