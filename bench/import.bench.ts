/**
 * Importers: (1) OSM PBF read (the bounded reader) against OSM XML read of the same synthetic
 * buildings (peer), and on the shared Monaco extract when present; (2) the footprint
 * self-intersection check (x sweep) against the all-pairs check it replaced (peer, up to 5k
 * vertices), up to a 10^6-vertex ring.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ImportReport } from '../src/pipeline/import/ImportReport';
import type { OsmData } from '../src/pipeline/import/OsmData';
import { readOsmPbf } from '../src/pipeline/import/readOsmPbf';
import { readOsmXml } from '../src/pipeline/import/readOsmXml';
import { ringSimplicity, segmentsCross } from '../src/pipeline/import/ringSimplicity';
import { osmPbfFromData } from '../test/fixtures/import/osmPbf';

const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;
const time = (f: () => unknown, reps = 3) => { let best = Infinity; for (let k = 0; k < reps; k++) { const t = performance.now(); f(); best = Math.min(best, performance.now() - t); } return best; };

/** n square buildings of 4 nodes on a grid, tagged like OSM. */
function syntheticOsm(n: number): OsmData {
  const data: OsmData = { nodes: new Map(), ways: [], relations: [] };
  const side = Math.ceil(Math.sqrt(n));
  let id = 1;
  for (let b = 0; b < n; b++) {
    const lon = 104 + (b % side) * 2e-4, lat = 30.6 + Math.floor(b / side) * 2e-4, refs: number[] = [];
    for (const [dx, dy] of [[0, 0], [1e-4, 0], [1e-4, 1e-4], [0, 1e-4]]) { data.nodes.set(id, [lon + dx, lat + dy]); refs.push(id++); }
    data.ways.push({ id: b + 1, refs: [...refs, refs[0]], tags: { building: 'yes', height: String(10 + (b % 30)), 'building:levels': String(3 + (b % 9)) } });
  }
  return data;
}

function toXml(d: OsmData): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6">'];
  for (const [id, [lon, lat]] of d.nodes) out.push(`  <node id="${id}" lat="${lat.toFixed(7)}" lon="${lon.toFixed(7)}"/>`);
  for (const w of d.ways) {
    out.push(`  <way id="${w.id}">`, ...w.refs.map((r) => `    <nd ref="${r}"/>`), ...Object.entries(w.tags).map(([k, v]) => `    <tag k="${k}" v="${v}"/>`), '  </way>');
  }
  out.push('</osm>');
  return out.join('\n');
}

function readers() {
  const data = syntheticOsm(50_000), pbf = osmPbfFromData(data, 8000), xml = toXml(data);
  const pbfMs = time(() => readOsmPbf(pbf, 'synthetic.osm.pbf', new ImportReport()));
  const xmlMs = time(() => readOsmXml(xml, 'synthetic.osm', new ImportReport()));
  const out: Record<string, unknown> = {
    buildings: data.ways.length, nodes: data.nodes.size, pbfBytes: pbf.length, xmlBytes: xml.length,
    pbfReadMs: round(pbfMs), peerXmlReadMs: round(xmlMs), ratioPbfToXml: round(pbfMs / xmlMs),
  };
  const monaco = resolve(process.env.TWIN_SHARED_DIR ?? resolve(import.meta.dirname, '../../shared'), 'data/monaco/monaco.osm.pbf');
  if (existsSync(monaco)) {
    const bytes = new Uint8Array(readFileSync(monaco));
    out.monacoBytes = bytes.length;
    out.monacoPbfReadMs = round(time(() => readOsmPbf(bytes, monaco, new ImportReport())));
  } else out.monaco = `absent: ${monaco}`;
  return out;
}

/** The check the sweep replaced: every non-adjacent pair of edges. */
function allPairs(ring: Array<[number, number]>): boolean {
  const n = ring.length;
  for (let i = 0; i < n; i++) for (let j = i + 2; j < n; j++) {
    if (i === 0 && j === n - 1) continue;
    if (segmentsCross(ring[i], ring[(i + 1) % n], ring[j], ring[(j + 1) % n])) return true;
  }
  return false;
}

function rings() {
  const circle = (n: number): Array<[number, number]> => {
    const r = (n * 0.02) / (2 * Math.PI);
    return Array.from({ length: n }, (_, i) => [r * Math.cos((2 * Math.PI * i) / n), r * Math.sin((2 * Math.PI * i) / n)]);
  };
  const out: Record<string, unknown> = {};
  for (const n of [2_000, 5_000, 20_000, 1_000_000]) {
    const ring = circle(n);
    const sweepMs = time(() => ringSimplicity(ring), n > 100_000 ? 1 : 3);
    const row: Record<string, number> = { sweepMs: round(sweepMs) };
    if (n <= 5_000) { const peer = time(() => allPairs(ring), 1); Object.assign(row, { peerAllPairsMs: round(peer), ratioSweepToPeer: round(sweepMs / peer, 4) }); }
    out[`vertices${n}`] = row;
  }
  return out;
}

export async function run(): Promise<object> {
  return { osmReaders: readers(), selfIntersection: rings() };
}
