import { describe, expect, it } from 'vitest';
import { MqttFrameGuard } from './MqttFrameGuard';

const packet = (type: number, body: number) => {
  const len: number[] = [];
  let n = body;
  do { let b = n % 128; n = Math.floor(n / 128); if (n) b |= 128; len.push(b); } while (n);
  return Uint8Array.from([type, ...len, ...new Array(body).fill(0)]);
};

describe('MqttFrameGuard', () => {
  it('passes packets within the limit, split anywhere across chunks', () => {
    let authed = false;
    const g = new MqttFrameGuard(100, 1000, () => authed);
    const connect = packet(0x10, 90);
    expect(g.observe(connect.subarray(0, 1))).toBeNull();
    expect(g.observe(connect.subarray(1, 50))).toBeNull();
    expect(g.observe(connect.subarray(50))).toBeNull();
    authed = true;
    const stream = new Uint8Array([...packet(0x30, 900), ...packet(0xc0, 0), ...packet(0x30, 500)]);
    for (let i = 0; i < stream.length; i += 7) expect(g.observe(stream.subarray(i, i + 7))).toBeNull();
    expect(g.packets).toBe(4);
  });

  it('refuses from the header alone: a big packet before login, a bigger one after, a 5-byte length', () => {
    expect(new MqttFrameGuard(100, 1000, () => false).observe(Uint8Array.from([0x10, 0x80, 0x80, 0x80, 0x40]))).toBe('packet of 134217733 bytes over the limit of 100 bytes before login');
    expect(new MqttFrameGuard(100, 1000, () => true).observe(packet(0x30, 998).subarray(0, 3))).toBe('packet of 1001 bytes over the limit of 1000 bytes');
    expect(new MqttFrameGuard(100, 1000, () => true).observe(Uint8Array.from([0x30, 0xff, 0xff, 0xff, 0xff]))).toMatch(/malformed/);
  });
});
