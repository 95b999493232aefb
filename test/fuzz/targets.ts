import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeArrayBuffer } from 'geotiff';
import { ImportReport } from '../../src/pipeline/import/ImportReport';
import { importCitySources } from '../../src/pipeline/import/importCitySources';
import { readDemFile } from '../../src/pipeline/import/readDemFile';
import { readOsmXml } from '../../src/pipeline/import/readOsmXml';
import { parseJsonText } from '../../src/schema/parseJsonText';
import { parseScenarioText } from '../../src/scenario/validate/validateScenario';
import { parseFloodScenario } from '../../src/sim/flood/FloodScenario';
import { validateDispatchScenario } from '../../src/dispatch/DispatchScenario';
import { Ingestor } from '../../src/signs/ingest/Ingestor';
import { message, tinySensor } from '../unit/signs/tinyCity';
import { osmPbfFromData } from '../fixtures/import/osmPbf';
import { townOsmXml } from '../fixtures/import/townOsm';
import { zipOne } from '../fixtures/import/zipOne';
import type { FuzzTarget, ReadOutcome } from './FuzzTarget';

const ROOT = join(import.meta.dirname, '../..');
const text = (s: string) => new TextEncoder().encode(s);
const finite = (...v: number[]) => v.every(Number.isFinite);

/** The whole import of a buildings file, with the invariants any accepted result must keep. */
async function importOutcome(path: string): Promise<ReadOutcome> {
  const c = await importCitySources({ buildingsPath: path });
  for (const b of c.buildings) {
    if (!b.footprint.every(([x, y]) => finite(x, y)) || !(b.heightM > 0 && b.heightM <= 1000) || !(b.floors >= 1)) return { summary: '', problem: `building ${b.id} is not well formed` };
  }
  for (const r of c.roads) if (!r.coordsLonLat.every(([x, y]) => finite(x, y))) return { summary: '', problem: `road ${r.id} has non-finite coordinates` };
  if (!c.dem.heightsM.every(Number.isFinite)) return { summary: '', problem: 'the DEM has non-finite heights' };
  return { summary: `${c.buildings.length} buildings, ${c.roads.length} roads` };
}

async function demOutcome(path: string): Promise<ReadOutcome> {
  const r = await readDemFile(path);
  let plausible = 0;
  for (const v of r.values) if (Number.isFinite(v)) { if (v < -500 || v > 9000) return { summary: '', problem: `height ${v} m kept` }; plausible++; }
  if (!finite(r.x0, r.y0, r.dx, r.dy)) return { summary: '', problem: 'georeferencing is not finite' };
  return { summary: `${r.width}x${r.height}, ${plausible} heights` };
}

const FILE_AND_IMPORT = /^(empty file|not a readable OSM PBF file: block \d+ at byte \d+.+|no building footprints or roads with usable coordinates \(\d+ issues.*\))$/s;

export const FUZZ_TARGETS: FuzzTarget[] = [
  {
    name: 'osm-pbf', file: 'town.osm.pbf', truncationMayShrink: true,
    base: () => osmPbfFromData(readOsmXml(townOsmXml(), 'town.osm', new ImportReport()), 20),
    read: (path) => importOutcome(path), place: FILE_AND_IMPORT,
  },
  {
    name: 'osm-xml', file: 'town.osm', base: () => text(townOsmXml()), read: (path) => importOutcome(path),
    place: /^(line \d+, column \d+: .+|truncated: the file ends at line \d+, column \d+ .+|not OSM XML .+|no building footprints or roads with usable coordinates \(\d+ issues.*\))$/s,
  },
  {
    name: 'geojson', file: 'gk-buildings.geojson', base: () => new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/import/gk-buildings.geojson'))),
    read: (path) => importOutcome(path),
    place: /^(\d+:\d+: not valid JSON: expected .+|expected a GeoJSON object .+|field "type" is .+|no building footprints or roads with usable coordinates \(\d+ issues.*\)|.*(CRS|crs|EPSG).*)$/s,
  },
  {
    name: 'geotiff', file: 'dem.tif', read: (path) => demOutcome(path),
    base: () => {
      const w = 32, h = 32, v = new Float32Array(w * h).map((_, k) => 450 + (k % w) + Math.floor(k / w));
      return new Uint8Array(writeArrayBuffer(v, { width: w, height: h, ModelPixelScale: [0.001, 0.001, 0], ModelTiepoint: [0, 0, 0, 104.05, 30.67, 0], GeographicTypeGeoKey: 4326, GTRasterTypeGeoKey: 1, SampleFormat: [3], BitsPerSample: [32] } as never));
    },
    place: /^(not a readable GeoTIFF: truncated or corrupt .+|cannot read the \d+ x \d+ samples .+|\d+ samples decoded.+|-?\d+ x -?\d+ samples; expected .+|georeferencing gives .+|GeoTIFF has no georeferencing .+|rotated rasters .+|none of its \d+ heights is plausible .+)$/s,
  },
  {
    name: 'hgt-zip', file: 'N30E104.hgt.zip', read: (path) => demOutcome(path),
    base: () => {
      const n = 1201, b = new Uint8Array(n * n * 2), v = new DataView(b.buffer);
      for (let k = 0; k < n * n; k++) v.setInt16(2 * k, 450 + (k % n >> 4), false);
      return zipOne('N30E104.hgt', b);
    },
    place: /^(not a ZIP archive .+|corrupt ZIP.+|empty ZIP archive|entry .+|.*N30E104\.hgt: \d+ bytes is not a square grid.+|.*an SRTM tile name like .+|.*unknown DEM format .+|.*none of its \d+ heights is plausible .+)$/s,
  },
  {
    name: 'scenario', file: 'rainstorm-old-town.json', prefix: (path) => `invalid scenario ${path}`, base: () => new Uint8Array(readFileSync(join(ROOT, 'scenarios/rainstorm-old-town.json'))),
    read: async (path, bytes) => { const s = parseScenarioText(new TextDecoder().decode(bytes), path); return { summary: `${s.events.length} events, ${s.variants.length} variants` }; },
    place: /^(\d+:\d+: \/\S*: expected .+|\(\d+ problems\):\n.+)$/s,
  },
  {
    name: 'flood-scenario', file: 'flood-rainstorm-1h.json', base: () => new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/sim/flood-rainstorm-1h.json'))),
    read: async (path, bytes) => { const s = parseFloodScenario(parseJsonText(new TextDecoder().decode(bytes), path), path); return { summary: `${s.durationS} s, ${s.inflows.length} inflows` }; },
    place: /^(\d+:\d+: not valid JSON: expected .+|\$\S*: expected .+)$/s,
  },
  {
    name: 'dispatch', file: 'two-incidents.json', base: () => new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/dispatch/two-incidents.json'))),
    read: async (path, bytes) => { const s = validateDispatchScenario(parseJsonText(new TextDecoder().decode(bytes), path), path); return { summary: `${s.incidents.length} incidents` }; },
    place: /^(\d+:\d+: not valid JSON: expected .+|\$\S*( key "[^"]*")?: expected .+)$/s,
  },
  {
    // A sensor message never throws: it is accepted or counted under one reason.
    name: 'sensor-message', file: 'message.json', base: () => message(tinySensor('WL-1', 'water_level', 'G11'), Date.UTC(2026, 0, 1), 2.5),
    read: async (_path, bytes) => {
      const sensor = tinySensor('WL-1', 'water_level', 'G11'), ing = new Ingestor([sensor]);
      const r = ing.parse(sensor.topic, bytes, Date.UTC(2026, 0, 1));
      if (!Number.isInteger(r)) return { summary: '', problem: `parse returned ${r}` };
      return r >= 0 ? { summary: 'accepted' } : { summary: '', refused: `${ing.lastRejection.reason}: ${ing.lastRejection.field}` };
    },
    place: /^$^/, // never: any throw is a failure
  },
];

