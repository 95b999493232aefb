import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODES_ORIGIN, modesOsmXml } from '../../../test/fixtures/import/modesOsm';
import { LocalFrame } from '../../geo/LocalFrame';
import { decodeNetwork } from '../../route/roadGraphCodec';
import { Router, type LonLat } from '../../route/Router';
import { ImportReport } from '../import/ImportReport';
import { osmRoads } from '../import/osmRoads';
import { readOsmXml } from '../import/readOsmXml';
import { compileRoadNetwork } from './compileRoadNetwork';
import { WALK_SPEED_KMH } from './modeRules';
import { writeNetworkForCity } from './writeNetworkForCity';

const frame = new LocalFrame(...MODES_ORIGIN);
const S: LonLat = frame.toLonLat(0, 0), T: LonLat = frame.toLonLat(200, 0);
const roads = () => osmRoads(readOsmXml(modesOsmXml(), 'modes.osm', new ImportReport()), 'modes.osm', new ImportReport());

describe('one network per mode', () => {
  it('routes cars round the block, never over the footway, the steps or roads closed to them', () => {
    const g = compileRoadNetwork(roads(), { nodeCrossings: false, mode: 'car' });
    expect(g.mode).toBe('car');
    const ids = new Set(g.lines.map((l) => l.id));
    expect([...ids].sort()).toEqual(['osm-w5', 'osm-w6']);
    const r = Router.withHierarchy(g);
    for (const m of ['auto', 'ch', 'astar', 'dijkstra'] as const) {
      expect(r.route(S, T, m)!.meters, m).toBeCloseTo(400, 0);
      expect(r.route(T, S, m)!.meters, m).toBeCloseTo(2 * Math.hypot(100, 100), 0);
    }
    expect(r.route(S, T)!.roadNames).toEqual(['North street']);
  });

  it('walks the footway both ways at walking speed, and against the one-way street', () => {
    const g = compileRoadNetwork(roads(), { nodeCrossings: false, mode: 'walk' });
    expect(g.mode).toBe('walk');
    const r = Router.withHierarchy(g);
    const there = r.route(S, T)!, back = r.route(T, S)!;
    expect(there.meters).toBeCloseTo(200, 0);
    expect(there.seconds).toBeCloseTo(200 / (WALK_SPEED_KMH / 3.6), 0);
    expect(back.meters).toBeCloseTo(200, 0);
    expect(g.lines.map((l) => l.id).sort()).toEqual(['osm-w1', 'osm-w2', 'osm-w4', 'osm-w5', 'osm-w6']);
  });

  it('writes network.bin for cars and network-walk.bin for walkers, each with its hierarchy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'modes-'));
    try {
      const features = roads().map(({ coordsLonLat, ...p }) => ({ type: 'Feature', properties: p, geometry: { type: 'LineString', coordinates: coordsLonLat } }));
      writeFileSync(join(dir, 'roads.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
      const summary = writeNetworkForCity(dir, { nodeCrossings: false });
      expect(summary.file).toBe(join(dir, 'network.bin'));
      expect(summary.modes.walk.file).toBe(join(dir, 'network-walk.bin'));
      const car = decodeNetwork(readFileSync(join(dir, 'network.bin'))), walk = decodeNetwork(readFileSync(join(dir, 'network-walk.bin')));
      expect([car.graph.mode, walk.graph.mode]).toEqual(['car', 'walk']);
      expect(car.hierarchy && walk.hierarchy).toBeTruthy();
      expect(new Router(car.graph, car.hierarchy).route(S, T)!.meters).toBeCloseTo(400, 0);
      expect(new Router(walk.graph, walk.hierarchy).route(S, T)!.meters).toBeCloseTo(200, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the demo city (no tags) whole for cars and off the expressways for walkers', () => {
    const lines = [
      { id: 'x', name: 'x', roadClass: 'expressway', speedKmh: 80, oneway: false, coordsLonLat: [frame.toLonLat(0, 0), frame.toLonLat(500, 0)] as LonLat[] },
      { id: 'l', name: 'l', roadClass: 'local', speedKmh: 30, oneway: true, coordsLonLat: [frame.toLonLat(0, 0), frame.toLonLat(0, 500)] as LonLat[] },
    ];
    const car = compileRoadNetwork(lines, { nodeCrossings: true }), walk = compileRoadNetwork(lines, { nodeCrossings: true, mode: 'walk' });
    expect(car.arcCount).toBe(3);
    expect(walk.lines.map((l) => l.id)).toEqual(['l']);
    expect(walk.arcCount).toBe(2);
  });
});
