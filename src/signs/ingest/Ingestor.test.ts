import { describe, expect, it } from 'vitest';
import { message, tinySensor } from '../../../test/unit/signs/tinyCity';
import { describeRejection, REJECT_REASONS } from '../schema/RejectReason';
import { Ingestor } from './Ingestor';

const NOW = Date.UTC(2026, 10, 24, 4, 0, 0);
const wl = tinySensor('WL-1', 'water_level', 'G11');
const fa = tinySensor('FA-1', 'fire_alarm', 'G21');
const enc = new TextEncoder();
const json = (o: unknown) => enc.encode(JSON.stringify(o));

describe('Ingestor', () => {
  it('accepts a well-formed reading and returns its sensor index', () => {
    const ing = new Ingestor([wl, fa]);
    expect(ing.parse(fa.topic, message(fa, NOW - 1000, true), NOW)).toBe(1);
    expect(ing.reading).toMatchObject({ sensorId: 'FA-1', kind: 'fire_alarm', timeMs: NOW - 1000, value: 1 });
  });

  it('counts each kind of malformed message under its own reason and never throws', () => {
    const ing = new Ingestor([wl, fa]);
    const ok = { id: 'WL-1', kind: 'water_level', timeMs: NOW, value: 2.5, unit: 'm' };
    const cases: Array<[string, string, Uint8Array]> = [
      ['too_large', wl.topic, new Uint8Array(5000).fill(32)],
      ['not_utf8', wl.topic, new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])],
      ['json_syntax', wl.topic, enc.encode('{"id": "WL-1",')],
      ['not_object', wl.topic, enc.encode('[1,2]')],
      ['topic_format', 'city/tiny/D1/water_level', json(ok)],
      ['topic_format', 'city/D1/water_level/WL-1', json(ok)],
      ['topic_format', 'town/D1/water_level/WL-1', json(ok)],
      ['unknown_kind', 'city/tiny/D1/sea_level/XX-9', json(ok)],
      ['unknown_sensor', 'city/tiny/D1/water_level/WL-404', json(ok)],
      ['topic_mismatch', 'city/tiny/D9/water_level/WL-1', json(ok)],
      ['topic_mismatch', 'city/other/D1/water_level/WL-1', json(ok)],
      ['topic_mismatch', wl.topic, json({ ...ok, id: 'WL-2' })],
      ['topic_mismatch', fa.topic.replace('FA-1', 'WL-1').replace('fire_alarm', 'rainfall'), json(ok)],
      ['missing_field', wl.topic, json({ ...ok, value: undefined })],
      ['wrong_type', wl.topic, json({ ...ok, value: '2.5' })],
      ['wrong_type', wl.topic, json({ ...ok, timeMs: 'now' })],
      ['wrong_type', fa.topic, json({ id: 'FA-1', kind: 'fire_alarm', timeMs: NOW, value: 'yes', unit: 'state' })],
      ['unit_mismatch', wl.topic, json({ ...ok, unit: 'cm' })],
      ['out_of_range', wl.topic, json({ ...ok, value: 57.2 })],
      ['out_of_range', wl.topic, json({ ...ok, value: -1 })],
      ['bad_time', wl.topic, json({ ...ok, timeMs: NOW + 3_600_000 })],
      ['bad_time', wl.topic, json({ ...ok, timeMs: 1000 })],
      ['unknown_kind', wl.topic, json({ ...ok, kind: 'sea_level' })],
    ];
    const expected = new Map<string, number>();
    for (const [reason, topic, payload] of cases) {
      const r = ing.parse(topic, payload, NOW);
      expect(REJECT_REASONS[-r], `${reason} for ${topic}`).toBe(reason);
      expect(ing.lastRejection.reason).toBe(reason);
      expected.set(reason, (expected.get(reason) ?? 0) + 1);
    }
    const totals = ing.totals();
    for (const [reason, n] of expected) expect(totals[reason as keyof typeof totals]).toBe(n);
    expect(totals.accepted).toBe(0);
  });

  it('names the field, the expectation and the value in its rejection text', () => {
    const ing = new Ingestor([wl]);
    ing.parse(wl.topic, json({ id: 'WL-1', kind: 'water_level', timeMs: NOW, value: 57.2, unit: 'm' }), NOW);
    expect(describeRejection(ing.lastRejection)).toBe(`${wl.topic}: value: out_of_range: expected 0..30 m, got 57.2`);
  });

  it('survives random bytes and random JSON without throwing', () => {
    const ing = new Ingestor([wl]);
    let seed = 7;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const atoms = ['{', '}', '[', ']', '"id"', ':', ',', '"WL-1"', '1e999', 'null', 'true', '"m"', '"value"', '-0', '"\\u0000"'];
    for (let i = 0; i < 3000; i++) {
      const bytes = i % 2
        ? Uint8Array.from({ length: Math.floor(rnd() * 64) }, () => Math.floor(rnd() * 256))
        : enc.encode(Array.from({ length: Math.floor(rnd() * 12) }, () => atoms[Math.floor(rnd() * atoms.length)]).join(''));
      expect(() => ing.parse(i % 3 ? wl.topic : 'city/x/y/z', bytes, NOW)).not.toThrow();
    }
    const totals = ing.totals();
    expect(Object.values(totals).reduce((a, b) => a + b, 0)).toBe(3000);
  });
});
