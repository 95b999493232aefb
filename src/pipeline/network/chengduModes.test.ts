import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Router } from '../../route/Router';
import { ImportReport } from '../import/ImportReport';
import { osmRoads } from '../import/osmRoads';
import { readOsmXml } from '../import/readOsmXml';
import { compileRoadNetwork } from './compileRoadNetwork';

const FILE = join(process.env.TWIN_SHARED_DIR ?? resolve(__dirname, '../../../../shared'), 'data/chengdu/chengdu_center.osm');
const present = existsSync(FILE);
if (!present) console.warn(`skipped: car and walk networks of central Chengdu (${FILE} is absent; set TWIN_SHARED_DIR)`);

/** What a car may not use, written independently of the rules under test. */
const NOT_FOR_CARS = new Set(['footway', 'pedestrian', 'steps', 'path', 'cycleway', 'track', 'bridleway', 'corridor']);
const closedToCars = (t: Record<string, string>) => ['no', 'private'].includes(t.motorcar ?? t.motor_vehicle ?? t.vehicle ?? t.access ?? '');

/**
 * Before one network per mode, the car network of this extract held 2,138 of its 18,154 arcs on
 * footways, pedestrian streets, steps, tracks, cycleways and roads closed to motor vehicles, and
 * 85 of 400 random car routes drove over them.
 */
describe.skipIf(!present)('networks per mode on central Chengdu (OSM)', () => {
  const report = new ImportReport();
  const data = present ? readOsmXml(readFileSync(FILE, 'utf8'), FILE, report) : null;
  const tagsOf = new Map(data?.ways.map((w) => [`osm-w${w.id}`, w.tags]));
  const roads = data ? osmRoads(data, FILE, report) : [];
  const tags = (lineId: string) => tagsOf.get(lineId.replace(/-\d+$/, ''))!;

  it('puts no car arc on a way cars may not use (so no car route can take one), and still routes most pairs', () => {
    const g = compileRoadNetwork(roads, { nodeCrossings: false, mode: 'car' });
    const bad = [...g.arcLine].filter((li) => { const t = tags(g.lines[li].id); return NOT_FOR_CARS.has(t.highway) || closedToCars(t); });
    expect(bad.length).toBe(0);
    expect(g.arcCount).toBeGreaterThan(12_000);
    const r = Router.withHierarchy(g);
    let s = 9, routed = 0;
    const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 200; i++) {
      const u = Math.floor(rnd() * g.nodeCount), v = Math.floor(rnd() * g.nodeCount), ll = g.nodeLonLatDeg;
      const res = r.route([ll[2 * u], ll[2 * u + 1]], [ll[2 * v], ll[2 * v + 1]]);
      if (res) routed++;
    }
    expect(routed).toBeGreaterThan(150);
  });

  it('lets walkers use the footways, pedestrian streets and steps', () => {
    const g = compileRoadNetwork(roads, { nodeCrossings: false, mode: 'walk' });
    const classes = new Set([...g.arcLine].map((li) => tags(g.lines[li].id).highway));
    for (const c of ['footway', 'pedestrian', 'steps', 'residential']) expect(classes.has(c), c).toBe(true);
    expect(classes.has('motorway')).toBe(false);
  });
});
