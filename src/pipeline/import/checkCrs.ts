import { projectedCrsDefinition } from '../../geo/crs/chinaProjections';
import { CRS_ID_HELP, resolveCrs } from '../../geo/crs/resolveCrs';
import type { ImportReport } from './ImportReport';

/** The CRS to read a source's coordinates in, after checking the declared one against them. */
export interface CrsCheck {
  crsId: string;
  /** True when the coordinates are (lat, lon) or (northing, easting) and must be swapped. */
  swapXY: boolean;
}

interface Box { minX: number; minY: number; maxX: number; maxY: number }

function boxOf(coords: ArrayLike<number>): Box | null {
  const b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (let i = 0; i + 1 < coords.length; i += 2) {
    const x = coords[i], y = coords[i + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    b.minX = Math.min(b.minX, x); b.maxX = Math.max(b.maxX, x); b.minY = Math.min(b.minY, y); b.maxY = Math.max(b.maxY, y);
  }
  return Number.isFinite(b.minX) ? b : null;
}

const span = (b: Box) => `x ${b.minX.toFixed(3)}..${b.maxX.toFixed(3)}, y ${b.minY.toFixed(3)}..${b.maxY.toFixed(3)}`;
const isLonLat = (b: Box) => b.minX >= -180 && b.maxX <= 180 && b.minY >= -90 && b.maxY <= 90;
const isLatLon = (b: Box) => b.minX >= -90 && b.maxX <= 90 && b.minY >= -180 && b.maxY <= 180;

/**
 * A projected CRS that projected coordinates can only be in, or null when several fit: a
 * CGCS2000 3-degree zone from its easting prefix (25..45 million), or Web Mercator for eastings
 * beyond any unprefixed Gauss-Kruger zone but inside the Mercator square.
 */
export function guessProjectedCrs(b: Box): string | null {
  const zone = Math.floor(b.minX / 1e6);
  if (zone === Math.floor(b.maxX / 1e6) && zone >= 25 && zone <= 45) return `EPSG:${4513 + zone - 25}`;
  const inMercator = Math.max(Math.abs(b.minX), Math.abs(b.maxX)) <= 20037508.35 && Math.max(Math.abs(b.minY), Math.abs(b.maxY)) <= 20048966.11;
  const couldBeSixDegreeZone = zone === Math.floor(b.maxX / 1e6) && zone >= 13 && zone <= 23;
  if (inMercator && Math.min(Math.abs(b.minX), Math.abs(b.maxX)) > 1e6 && !couldBeSixDegreeZone) return 'EPSG:3857';
  return null;
}

function checkGaussKruger(id: string, b: Box, source: string, report: ImportReport): CrsCheck {
  const def = projectedCrsDefinition(Number(id.slice(5)))!;
  const prefixed = def.falseEastingM > 1e6;
  const three = def.name.includes('3-degree');
  const code = def.code;
  const zone = Math.floor(b.minX / 1e6);
  if (!prefixed && zone === Math.floor(b.maxX / 1e6) && (three ? zone >= 25 && zone <= 45 : zone >= 13 && zone <= 23)) {
    const alt = `EPSG:${three ? 4513 + zone - 25 : 4491 + zone - 13}`;
    report.add({ code: 'crs-mismatch', action: 'detected', source, message: `declared ${id} (easting 500000 at the central meridian) but eastings carry the zone prefix ${zone} (${span(b)}): read as ${alt}` });
    return checkGaussKruger(alt, b, source, report);
  }
  if (prefixed && b.maxX < 1e6 && b.minX > 0) {
    const alt = `EPSG:${three ? code + 21 : code + 11}`;
    report.add({ code: 'crs-mismatch', action: 'detected', source, message: `declared ${id} (zone-prefixed eastings) but eastings have no zone prefix (${span(b)}): read as ${alt}, same central meridian` });
    return { crsId: alt, swapXY: false };
  }
  const fe = def.falseEastingM;
  const eastingOk = (lo: number, hi: number) => lo > fe - 9e5 && hi < fe + 9e5;
  if (!eastingOk(b.minX, b.maxX) && eastingOk(b.minY, b.maxY)) {
    report.add({ code: 'axis-swapped', action: 'detected', source, message: `coordinates are (northing, easting) as EPSG orders Gauss-Kruger axes (${span(b)}): swapped to (easting, northing)` });
    return { crsId: id, swapXY: true };
  }
  const [lon] = resolveCrs(id).toLonLat((b.minX + b.maxX) / 2, (b.minY + b.maxY) / 2, [0, 0]);
  const off = Math.abs(lon - def.centralMeridianDeg), half = three ? 1.5 : 3;
  if (!(off <= half + 0.5)) {
    report.add({ code: 'outside-zone', action: 'detected', source, message: `data centre lies ${off.toFixed(2)} degrees from ${id}'s central meridian ${def.centralMeridianDeg}E (zone half-width ${half}): check that the zone is right` });
  }
  return { crsId: id, swapXY: false };
}

/**
 * Checks a declared CRS against a sample of coordinates (interleaved x, y) and detects the
 * common wrong guesses: lon/lat given where projected meters were declared, (lat, lon) order,
 * projected meters declared as degrees (zone prefix or Web Mercator recognised), a Gauss-Kruger
 * zone with or without the zone prefix, northing-first axes, data outside the declared zone.
 * Each detection is reported. Throws naming the file when projected data fits no known CRS.
 */
export function checkCrs(coords: ArrayLike<number>, declared: string | undefined, fallback: string, source: string, report: ImportReport): CrsCheck {
  let id = resolveCrs(declared ?? fallback).id;
  const b = boxOf(coords);
  if (!b) return { crsId: id, swapXY: false };
  let crs = resolveCrs(id);
  if (crs.unit === 'metre' && !id.startsWith('LOCAL') && (isLonLat(b) || isLatLon(b))) {
    report.add({ code: 'crs-mismatch', action: 'detected', source, message: `declared ${id} expects projected meters but the coordinates (${span(b)}) are degrees: read as EPSG:4326 lon/lat` });
    id = 'EPSG:4326';
    crs = resolveCrs(id);
  }
  if (crs.unit === 'degree') {
    if (isLonLat(b)) return { crsId: id, swapXY: false };
    if (isLatLon(b)) {
      report.add({ code: 'axis-swapped', action: 'detected', source, message: `coordinates are (lat, lon) (${span(b)}): swapped to (lon, lat)` });
      return { crsId: id, swapXY: true };
    }
    const guess = guessProjectedCrs(b);
    if (!guess) {
      throw new Error(`${source}: coordinates (${span(b)}) are not lon/lat degrees as ${id} says, and no single projected CRS fits them; pass the CRS explicitly (${CRS_ID_HELP})`);
    }
    report.add({ code: 'crs-mismatch', action: 'detected', source, message: `declared ${id} (degrees) but the coordinates (${span(b)}) are projected meters: read as ${guess}` });
    id = guess;
    crs = resolveCrs(id);
  }
  return Number.isFinite(crs.centralMeridianDeg) ? checkGaussKruger(id, b, source, report) : { crsId: id, swapXY: false };
}
