import { describe, expect, it } from 'vitest';
import { applyFlip, forgeValue as forge } from '../../test/fuzz/flipBytes';
import { generateDemoCity } from '../pipeline/demo-city/generateDemoCity';
import { compileRoadNetwork } from '../pipeline/network/compileRoadNetwork';
import { roadLinesFromPlaneRoads } from '../pipeline/network/roadLinesFromPlaneRoads';
import { contractGraph } from './contractGraph';
import { HEADER } from './networkFormat';
import { decodeNetwork, decodeRoadGraph, encodeRoadGraph } from './roadGraphCodec';
import { Router } from './Router';

describe('roadGraphCodec', () => {
  const city = generateDemoCity();
  const g = compileRoadNetwork(roadLinesFromPlaneRoads(city.frame, city.roads), { nodeCrossings: true });
  const ch = contractGraph(g);
  const bytes = encodeRoadGraph(g, ch);

  it('round-trips every array, the lines, the class names, the mode and the hierarchy through one buffer', () => {
    const { graph: back, hierarchy } = decodeNetwork(bytes);
    for (const key of ['nodeLonLatDeg', 'arcOffsets', 'arcFrom', 'arcTo', 'arcLengthM', 'arcSpeedMps', 'arcRoadClass', 'arcOneway', 'arcLine', 'inOffsets', 'inArcs', 'arcTimeS'] as const) {
      expect([...back[key]], key).toEqual([...g[key]]);
    }
    expect(back.lines).toEqual(g.lines);
    expect(back.roadClassNames).toEqual([...g.roadClassNames]);
    expect(back.mode).toBe('car');
    for (const key of ['rank', 'upOffsets', 'upTo', 'upWeightS', 'upCode', 'downOffsets', 'downFrom', 'downWeightS', 'downCode'] as const) {
      expect([...hierarchy![key]], key).toEqual([...ch[key]]);
    }
    expect(hierarchy!.shortcutCount).toBe(ch.shortcutCount);
    const a: [number, number] = [104.03, 30.64], b: [number, number] = [104.09, 30.69];
    expect(new Router(back, hierarchy).route(a, b)!.seconds).toBe(new Router(g, ch).route(a, b)!.seconds);
  });

  it('decodes from an unaligned copy too, and without a hierarchy', () => {
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect(decodeRoadGraph(shifted.subarray(3)).arcCount).toBe(g.arcCount);
    expect(decodeNetwork(encodeRoadGraph(g)).hierarchy).toBeNull();
  });

  it('still reads version 1 files (no checksum, no hierarchy)', () => {
    const v1 = encodeRoadGraph(g);
    new DataView(v1.buffer).setUint32(HEADER.version, 1, true);
    new DataView(v1.buffer).setUint32(HEADER.crc, 0, true);
    expect(decodeRoadGraph(v1).arcCount).toBe(g.arcCount);
  });

  it('rejects other files, other versions, wrong sizes and damaged bytes, naming the source', () => {
    expect(() => decodeRoadGraph(new TextEncoder().encode('{"type":"FeatureCollection"} padding padding padding padding padding'), 'x.bin')).toThrow(/x\.bin: expected magic "RCNW"/);
    const v3 = bytes.slice(); v3[4] = 3;
    expect(() => decodeRoadGraph(v3)).toThrow(/expected version 1 or 2, got 3/);
    expect(() => decodeRoadGraph(bytes.subarray(0, 1000))).toThrow(/truncated/);
    expect(() => decodeRoadGraph(bytes.subarray(0, 10))).toThrow(/64-byte header/);
    const longer = new Uint8Array(bytes.length + 8); longer.set(bytes);
    expect(() => decodeRoadGraph(longer)).toThrow(/trailing bytes/);
    expect(() => decodeRoadGraph(applyFlip(bytes, { offset: 5000, xor: 4 }, false), 'city/network.bin')).toThrow(/^city\/network\.bin: checksum mismatch/);
  });

  it('refuses forged values a search would trip on, whatever the checksum says', () => {
    const cases: Array<[string, number, (v: DataView, at: number) => void, RegExp]> = [
      ['arcLengthM', 17, (v, at) => v.setFloat32(at, -3, true), /arcLengthM\[17\] = -3: expected a finite length >= 0 m/],
      ['arcLengthM', 5, (v, at) => v.setFloat32(at, Number.NaN, true), /arcLengthM\[5\] = NaN/],
      ['arcSpeedMps', 9, (v, at) => v.setFloat32(at, 0, true), /arcSpeedMps\[9\] = 0: expected a speed in \(0, 150\] m\/s/],
      ['arcSpeedMps', 9, (v, at) => v.setFloat32(at, 1e20, true), /arcSpeedMps\[9\]/],
      ['arcOffsets', 40, (v, at) => v.setUint32(at, 3, true), /arcOffsets\[\d+\] = \d+ < arcOffsets\[\d+\] = \d+: expected non-decreasing offsets/],
      ['arcTo', 3, (v, at) => v.setUint32(at, 1e6, true), /arc 3 points to node 1000000/],
      ['nodeLonLatDeg', 1, (v, at) => v.setFloat64(at, 91, true), /node 0 at \[[\d.]+, 91\]/],
      ['arcLine', 2, (v, at) => v.setUint32(at, 99999, true), /arcLine\[2\] = 99999/],
      ['upWeightS', 0, (v, at) => v.setFloat64(at, -1, true), /upWeightS\[0\] = -1/],
      ['rank', 0, (v, at) => v.setUint32(at, 1, true), /rank\[\d+\] = 1: expected a permutation/],
      ['meta', 0, (v, at) => v.setUint8(at, 0x5b), /meta: expected (UTF-8 JSON|a JSON object)|meta\.lines/],
    ];
    for (const [section, index, write, re] of cases) {
      expect(() => decodeNetwork(forge(bytes, section, index, write), 'forged.bin'), `${section}[${index}]`).toThrow(re);
    }
    const shortcut = [...ch.upCode.keys()].find((e) => ch.upCode[e] >= 0)!;
    expect(() => decodeNetwork(forge(bytes, 'upWeightS', shortcut, (v, at) => v.setFloat64(at, 0.5, true)), 'forged.bin')).toThrow(/expected halves .* adding up to it/);
  });
});
