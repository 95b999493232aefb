import { parseLonLat, requireFlag, UsageError, type ParsedArgs } from '../args';
import { solarPosition } from '../../analysis/sun/solarPosition';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * `analysis sun --at LON,LAT --time ISO-8601-with-offset [--pressure HPA] [--temperature C]`: the
 * sun's apparent elevation (topocentric, refracted) and azimuth (clockwise from north), degrees.
 */
export function sunCommand(p: ParsedArgs): unknown {
  const [lon, lat] = parseLonLat(requireFlag(p, 'at', 'LON,LAT (degrees)'), 'at');
  const time = requireFlag(p, 'time', 'ISO-8601 date-time with a UTC offset, e.g. 2026-01-20T12:00:00+08:00');
  if (!ISO_WITH_OFFSET.test(time) || Number.isNaN(Date.parse(time))) throw new UsageError(`--time expects an ISO-8601 date-time with a UTC offset (e.g. 2026-01-20T12:00:00+08:00), got ${JSON.stringify(time)}`);
  const num = (name: string, fallback: number) => {
    const v = p.flags.get(name);
    if (v === undefined) return fallback;
    if (typeof v !== 'string' || !Number.isFinite(Number(v))) throw new UsageError(`--${name} expects a number, got ${JSON.stringify(v)}`);
    return Number(v);
  };
  const pressureHPa = num('pressure', 1010), temperatureC = num('temperature', 10);
  const s = solarPosition(new Date(time), lon, lat, { pressureHPa, temperatureC });
  const r = (v: number) => Math.round(v * 10_000) / 10_000;
  return {
    elevationDeg: r(s.elevationDeg), azimuthDeg: r(s.azimuthDeg),
    trueElevationDeg: r(s.trueElevationDeg), declinationDeg: r(s.declinationDeg), hourAngleDeg: r(s.hourAngleDeg), equationOfTimeMin: r(s.equationOfTimeMin),
    conventions: `elevationDeg is the apparent elevation (topocentric, with refraction for ${pressureHPa} hPa and ${temperatureC} deg C); azimuthDeg is clockwise from true north; NOAA/Meeus algorithm`,
  };
}
