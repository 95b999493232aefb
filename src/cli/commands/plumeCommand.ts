import { parseArgs, parseLonLat, requireFlag, UsageError, type ParsedArgs } from '../args';
import { openCityModel } from '../cityFlag';
import { constantSeries } from '../../sim/core/TimeSeries';
import { cityPlumeGrid } from '../../sim/plume/cityPlumeGrid';
import { numberFlag } from './numberFlag';
import { runPlume } from '../../sim/plume/runPlume';

/** `--wind SPEED@FROMDEG`, e.g. 3@250 (m/s, degrees the wind blows from). */
function windFlag(p: ParsedArgs): [number, number] {
  const v = p.flags.get('wind') ?? '3@270';
  const m = typeof v === 'string' ? /^([0-9.]+)@(-?[0-9.]+)$/.exec(v) : null;
  if (!m) throw new UsageError(`--wind expects SPEED@FROMDEG (m/s @ degrees clockwise from north the wind comes from), got ${JSON.stringify(v)}`);
  return [Number(m[1]), Number(m[2])];
}

/**
 * `sim --plume --at LON,LAT --rate KG_PER_S [--duration S] [--wind SPEED@FROMDEG] [--minutes M]
 * [--cell M] [--threshold MG_PER_M3] [--mixing M] [--diffusivity M2_PER_S] [--city NAME] [--geojson]`:
 * a gas leak over a city package (default demo); prints the evacuation zone's KPIs (and its lon/lat polygons with --geojson).
 */
export async function runPlumeCommand(args: string[]): Promise<unknown> {
  const p = parseArgs(args);
  const [lonDeg, latDeg] = parseLonLat(requireFlag(p, 'at', 'LON,LAT (the leak, degrees)'), 'at');
  const rateKgPerS = numberFlag(p, 'rate', NaN, 0, 'kg/s');
  if (Number.isNaN(rateKgPerS)) throw new UsageError('missing --rate KG_PER_S (the release rate)');
  const [speed, fromDeg] = windFlag(p);
  const cellSizeM = numberFlag(p, 'cell', 20, 1, 'm'), mixingHeightM = numberFlag(p, 'mixing', 50, 1, 'm');
  const endTimeS = numberFlag(p, 'minutes', 30, 1, 'min') * 60, durationS = p.flags.has('duration') ? numberFlag(p, 'duration', 0, 1, 's') : undefined;
  const { city } = await openCityModel(p);
  const grid = cityPlumeGrid(city.frame, city.buildings, cellSizeM, { obstacleMinHeightM: mixingHeightM });
  const r = await runPlume({
    grid, endTimeS, frameIntervalS: 0, thresholdMgPerM3: numberFlag(p, 'threshold', 5.8, 0, 'mg/m³'), buildings: city.buildings,
    params: {
      sources: [{ lonDeg, latDeg, rateKgPerS, ...(durationS ? { durationS } : {}) }], windSpeedMps: constantSeries(speed), windFromDeg: constantSeries(fromDeg),
      mixingHeightM, diffusivityM2PerS: numberFlag(p, 'diffusivity', 20, 0, 'm²/s'),
    },
  });
  let peak = 0;
  for (const c of r.maxMgPerM3) peak = Math.max(peak, c);
  const ex = r.exposure!;
  return {
    city: city.name, grid: { width: grid.width, height: grid.height, cellSizeM }, steps: r.steps, wallS: r.wallMs / 1000,
    cellUpdatesPerS: Math.round(r.cellUpdates / (r.wallMs / 1000)), peakConcentrationMgPerM3: peak,
    zone: { thresholdMgPerM3: r.zone.thresholdMgPerM3, cells: r.zone.cells, areaM2: r.zone.areaM2, buildings: ex.buildings, population: ex.population },
    populationByCommunity: ex.byUnit.filter((u) => u.level === 'community').slice(0, 20).map(({ unitId, buildings, population }) => ({ unitId, buildings, population })),
    massBalanceKg: r.massBalance,
    ...(p.flags.has('geojson') ? { zoneFeature: r.zone.feature } : {}),
  };
}
