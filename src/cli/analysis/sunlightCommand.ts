import { writeFileSync } from 'node:fs';
import { requireFlag, UsageError, type ParsedArgs } from '../args';
import { numberFlag } from '../commands/numberFlag';
import { nodeAnalysisClient } from '../../analysis/node/nodeAnalysisClient';
import { readAnalysisCity } from '../../analysis/node/readAnalysisCity';
import { citySceneData } from '../../analysis/scene/citySceneData';
import { floorsCsv, samplesCsv } from '../../analysis/sunlight/sunlightCsv';
import { SUNLIGHT_STANDARDS, type FloorRule } from '../../analysis/sunlight/sunlightStandard';
import { planSunlight, reportSunlight } from '../../analysis/sunlight/sunlightStudy';

/** At most this many buildings named on the command line. */
const MAX_BUILDINGS = 5000;

/**
 * `analysis sunlight --city NAME --buildings ID,... --date YYYY-MM-DD [--standard dahan|dahan3h|dongzhi]
 * [--start-hour H] [--end-hour H]
 * [--spacing M] [--step MIN] [--min-run MIN] [--floor-rule south|any] [--workers N] [--tilesets DIR] [--csv FILE] [--floors-csv FILE] [--summary]`: minutes of
 * direct sun per facade sample of the buildings, occluded by every building and the terrain, and
 * the residential floors below the standard, as JSON (`--summary` leaves out the per-sample rows;
 * `--csv` still writes them).
 */
export async function sunlightCommand(p: ParsedArgs): Promise<unknown> {
  const cityName = requireFlag(p, 'city', 'NAME (a folder under tilesets/)');
  const ids = requireFlag(p, 'buildings', 'ID,ID,... (building ids, e.g. B000123)').split(',').map((s) => s.trim()).filter(Boolean);
  if (!ids.length || ids.length > MAX_BUILDINGS) throw new UsageError(`--buildings expects 1 to ${MAX_BUILDINGS} building ids, got ${ids.length}`);
  const date = requireFlag(p, 'date', 'YYYY-MM-DD (e.g. 2026-01-20 for 大寒)');
  const standard = (p.flags.get('standard') ?? 'dahan') as string;
  if (!(standard in SUNLIGHT_STANDARDS)) throw new UsageError(`--standard expects one of ${Object.keys(SUNLIGHT_STANDARDS).join(', ')}, got ${JSON.stringify(standard)}`);
  const workers = numberFlag(p, 'workers', 2, 1);
  const floorRule = (p.flags.get('floor-rule') ?? 'south') as FloorRule;
  if (floorRule !== 'south' && floorRule !== 'any') throw new UsageError(`--floor-rule expects south (windows facing within 45 deg of south decide) or any, got ${JSON.stringify(floorRule)}`);
  const dir = p.flags.get('tilesets') ?? 'tilesets';
  if (dir === true) throw new UsageError('--tilesets expects a DIR holding <city>/ folders');
  const city = readAnalysisCity(cityName, dir);
  const byId = new Map(city.buildings.map((b, i) => [b.id, i]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) throw new Error(`${dir}/${cityName}/buildings.geojson has no building ${missing.slice(0, 5).map((m) => JSON.stringify(m)).join(', ')}${missing.length > 5 ? ` (and ${missing.length - 5} more)` : ''}`);
  const { data, groundM } = citySceneData(city);
  const toLonLat = (x: number, y: number) => city.frame.toLonLat(x, y);
  const plan = planSunlight(city.buildings, ids.map((id) => byId.get(id)!), groundM, toLonLat, {
    date, standard, startHour: optionalHour(p, 'start-hour'), endHour: optionalHour(p, 'end-hour'), spacingM: numberFlag(p, 'spacing', 2, 0.1, 'm'), stepMin: numberFlag(p, 'step', 1, 0.1, 'min'), minRunMin: numberFlag(p, 'min-run', 1, 0, 'min'), floorRule,
  });
  const client = nodeAnalysisClient(workers);
  const t0 = performance.now();
  try {
    await client.setScene(data);
    const t1 = performance.now();
    const minutes = await client.sunlight(plan.samples, plan.path, { minRunMin: plan.minRunMin });
    const seconds = (performance.now() - t1) / 1000, setupS = (t1 - t0) / 1000;
    const report = reportSunlight(city.buildings, plan, minutes);
    const buildingIds = city.buildings.map((b) => b.id);
    for (const [flag, text] of [['csv', () => samplesCsv(plan.samples, minutes, buildingIds, toLonLat)], ['floors-csv', () => floorsCsv(report.floors)]] as const) {
      const file = p.flags.get(flag);
      if (file === true) throw new UsageError(`--${flag} expects a FILE`);
      if (file) writeFileSync(file, text());
    }
    const s = plan.samples, r2 = (v: number) => Math.round(v * 100) / 100;
    return {
      city: cityName, date, standard: plan.standard, onStandardDay: plan.onStandardDay,
      window: { ...plan.window, timeBase: 'true solar time', stepMin: plan.path.stepMin, minRunMin: plan.minRunMin }, floorRule,
      siteLonLat: plan.siteLonLat.map((v) => Math.round(v * 1e7) / 1e7), sampleCount: s.count, workers, sceneSetupS: r2(setupS), seconds: r2(seconds), samplesPerSecond: Math.round(s.count / seconds),
      belowStandard: report.belowStandard, floors: report.floors,
      samples: p.flags.has('summary') ? undefined : Array.from({ length: s.count }, (_, i) => {
        const [lon, lat] = toLonLat(s.positionM[3 * i], s.positionM[3 * i + 1]);
        return { buildingId: buildingIds[s.building[i]], floor: s.floor[i], facade: s.facade[i], lonDeg: Math.round(lon * 1e7) / 1e7, latDeg: Math.round(lat * 1e7) / 1e7, heightM: r2(s.positionM[3 * i + 2]), minutes: minutes[i] };
      }),
    };
  } finally {
    client.dispose();
  }
}

/** An hour of true solar time (0-24) given with --NAME, or undefined (the standard's window). */
function optionalHour(p: ParsedArgs, name: string): number | undefined {
  return p.flags.has(name) ? numberFlag(p, name, 0, 0, 'h (true solar time)') : undefined;
}
