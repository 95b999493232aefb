import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalFrame } from '../../geo/LocalFrame';
import { decodeRoadGraph } from '../../route/roadGraphCodec';
import { generateDemoCity } from '../demo-city/generateDemoCity';
import { compileRoadNetwork } from './compileRoadNetwork';
import type { RoadLine } from './RoadLine';
import { roadLinesFromPlaneRoads } from './roadLinesFromPlaneRoads';
import { writeNetworkForCity } from './writeNetworkForCity';

const frame = new LocalFrame(104.06, 30.66);
const line = (id: string, coords: Array<[number, number]>, oneway = false): RoadLine => ({
  id, name: id, roadClass: 'local', speedKmh: 36, oneway, coordsLonLat: coords.map(([x, y]) => frame.toLonLat(x, y)),
});
const plus = [line('ew', [[-100, 0], [100, 0]]), line('ns', [[0, -100], [0, 100]])];

describe('compileRoadNetwork', () => {
  it('splits a plus-shaped pair of lines into 5 nodes and 4 two-way segments', () => {
    const g = compileRoadNetwork(plus, { nodeCrossings: true });
    expect(g.nodeCount).toBe(5);
    expect(g.arcCount).toBe(8);
    const centre = [...Array(5).keys()].find((v) => g.arcOffsets[v + 1] - g.arcOffsets[v] === 4)!;
    const [x, y] = frame.toPlane(g.nodeLonLatDeg[2 * centre], g.nodeLonLatDeg[2 * centre + 1]);
    expect(Math.hypot(x, y)).toBeLessThan(0.01);
    for (let a = 0; a < g.arcCount; a++) {
      expect(g.arcLengthM[a]).toBeCloseTo(100, 1);
      expect(g.arcTimeS[a]).toBeCloseTo(10, 2);
    }
  });

  it('leaves crossing lines apart when shared vertices define the topology', () => {
    const g = compileRoadNetwork(plus, { nodeCrossings: false });
    expect(g.nodeCount).toBe(4);
    expect(g.arcCount).toBe(4);
  });

  it('merges vertices closer than half a metre and joins a T within the tolerance', () => {
    const g = compileRoadNetwork([
      line('a', [[0, 0], [100, 0]]), line('b', [[100.3, 0.2], [200, 0]]), line('t', [[50, 0.4], [50, 80]]),
    ], { nodeCrossings: true });
    // a is split at x=50 by t's endpoint: nodes 0, 50, 100(=100.3), 200, t's far end.
    expect(g.nodeCount).toBe(5);
    expect(g.arcCount).toBe(8);
  });

  it('gives one-way lines arcs in their direction only', () => {
    const g = compileRoadNetwork([line('one', [[0, 0], [100, 0], [200, 0]], true)], { nodeCrossings: true });
    expect(g.arcCount).toBe(2);
    expect([...g.arcOneway]).toEqual([1, 1]);
    const xs = [...g.arcFrom].map((v) => frame.toPlane(g.nodeLonLatDeg[2 * v], g.nodeLonLatDeg[2 * v + 1])[0]);
    const xt = [...g.arcTo].map((v) => frame.toPlane(g.nodeLonLatDeg[2 * v], g.nodeLonLatDeg[2 * v + 1])[0]);
    xs.forEach((x, i) => expect(xt[i]).toBeGreaterThan(x));
  });

  it('nodes the demo city into one network that every node can leave', () => {
    const city = generateDemoCity();
    const g = compileRoadNetwork(roadLinesFromPlaneRoads(city.frame, city.roads), { nodeCrossings: true });
    expect(g.nodeCount).toBeGreaterThan(2000);
    // 37 x 37 street grid crossings alone are 1369 junctions of degree >= 3.
    let junctions = 0;
    for (let v = 0; v < g.nodeCount; v++) if (g.arcOffsets[v + 1] - g.arcOffsets[v] + g.inOffsets[v + 1] - g.inOffsets[v] >= 5) junctions++;
    expect(junctions).toBeGreaterThan(1369);
  });

  it('rejects a line with too few or bad coordinates, naming it', () => {
    expect(() => compileRoadNetwork([{ ...plus[0], coordsLonLat: [[104, 30]] }], { nodeCrossings: true })).toThrow(/road line 0 \("ew"\): coordsLonLat/);
    expect(() => compileRoadNetwork([{ ...plus[0], coordsLonLat: [[104, 30], [Number.NaN, 30]] }], { nodeCrossings: true })).toThrow(/coordsLonLat\[1\]/);
    expect(() => compileRoadNetwork([{ ...plus[0], speedKmh: 0 }], { nodeCrossings: true })).toThrow(/speedKmh expects a positive number/);
  });
});

describe('writeNetworkForCity', () => {
  it('compiles roads.geojson into network.bin that decodes to the same graph', () => {
    const dir = mkdtempSync(join(tmpdir(), 'network-'));
    try {
      const features = plus.map((l) => ({ type: 'Feature', properties: { id: l.id, name: l.name, roadClass: 'local', speedKmh: 36, oneway: false },
        geometry: { type: 'LineString', coordinates: l.coordsLonLat } }));
      writeFileSync(join(dir, 'roads.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
      const summary = writeNetworkForCity(dir);
      expect(summary).toMatchObject({ nodes: 5, edges: 8 });
      const g = decodeRoadGraph(readFileSync(join(dir, 'network.bin')));
      expect(g.nodeCount).toBe(5);
      expect(g.lines.map((l) => l.id)).toEqual(['ew', 'ns']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the file, feature and field of bad road input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'network-'));
    try {
      writeFileSync(join(dir, 'roads.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [
        { type: 'Feature', properties: { roadClass: 'local', speedKmh: 'fast' }, geometry: { type: 'LineString', coordinates: [[104, 30], [104.1, 30]] } },
      ] }));
      expect(() => writeNetworkForCity(dir)).toThrow(/roads\.geojson: features\[0\]\.properties\.speedKmh: expected a positive number/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
