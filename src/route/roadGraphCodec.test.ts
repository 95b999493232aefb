import { describe, expect, it } from 'vitest';
import { generateDemoCity } from '../pipeline/demo-city/generateDemoCity';
import { compileRoadNetwork } from '../pipeline/network/compileRoadNetwork';
import { roadLinesFromPlaneRoads } from '../pipeline/network/roadLinesFromPlaneRoads';
import { decodeRoadGraph, encodeRoadGraph } from './roadGraphCodec';

describe('roadGraphCodec', () => {
  const city = generateDemoCity();
  const g = compileRoadNetwork(roadLinesFromPlaneRoads(city.frame, city.roads), { nodeCrossings: true });

  it('round-trips every array, the lines and the class names through one buffer', () => {
    const bytes = encodeRoadGraph(g);
    const back = decodeRoadGraph(bytes);
    for (const key of ['nodeLonLatDeg', 'arcOffsets', 'arcFrom', 'arcTo', 'arcLengthM', 'arcSpeedMps', 'arcRoadClass', 'arcOneway', 'arcLine', 'inOffsets', 'inArcs', 'arcTimeS'] as const) {
      expect([...back[key]], key).toEqual([...g[key]]);
    }
    expect(back.lines).toEqual(g.lines);
    expect(back.roadClassNames).toEqual([...g.roadClassNames]);
  });

  it('decodes from an unaligned copy too', () => {
    const bytes = encodeRoadGraph(g);
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect(decodeRoadGraph(shifted.subarray(3)).arcCount).toBe(g.arcCount);
  });

  it('rejects other files, other versions and truncated files, naming the source', () => {
    const bytes = encodeRoadGraph(g);
    expect(() => decodeRoadGraph(new TextEncoder().encode('{"type":"FeatureCollection"} padding padding padding padding padding'), 'x.bin')).toThrow(/x\.bin: expected magic "RCNW"/);
    const v2 = bytes.slice(); v2[4] = 2;
    expect(() => decodeRoadGraph(v2)).toThrow(/expected version 1, got 2/);
    expect(() => decodeRoadGraph(bytes.subarray(0, 1000))).toThrow(/truncated/);
    expect(() => decodeRoadGraph(bytes.subarray(0, 10))).toThrow(/64-byte header/);
  });
});
