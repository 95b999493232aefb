import proj4 from 'proj4';
import { LocalFrame } from '../LocalFrame';
import { bd09ToGcj02, gcj02ToBd09 } from './bd09';
import { projectedCrsDefinition } from './chinaProjections';
import { gcj02ToWgs84, wgs84ToGcj02 } from './gcj02';

/** A coordinate pair buffer the conversions write into. */
export type XY = number[] | Float64Array;

/**
 * A resolved coordinate reference system: how its [x, y] map to and from WGS84 lon/lat degrees.
 * Geographic CRSs take [lonDeg, latDeg]; projected ones [eastingM, northingM] (proj4's
 * traditional order, also for Gauss-Kruger whose EPSG axis order is northing first).
 */
export interface Crs {
  /** Canonical id: 'EPSG:4544', 'GCJ02', 'BD09', 'LOCAL:104.06,30.66'. */
  readonly id: string;
  readonly name: string;
  readonly unit: 'degree' | 'metre';
  /** Central meridian of a Gauss-Kruger zone (degrees); NaN for other CRSs. */
  readonly centralMeridianDeg: number;
  toLonLat(x: number, y: number, result: XY): XY;
  fromLonLat(lonDeg: number, latDeg: number, result: XY): XY;
}

/** The ids `resolveCrs` accepts, for error messages. */
export const CRS_ID_HELP =
  "EPSG:4326 (WGS84), EPSG:4490 (CGCS2000), EPSG:4491..4554 (CGCS2000 Gauss-Kruger), EPSG:3857, GCJ02, BD09, LOCAL:lonDeg,latDeg";

const ALIASES: Record<string, string> = {
  WGS84: 'EPSG:4326', 'WGS 84': 'EPSG:4326', CRS84: 'EPSG:4326', CGCS2000: 'EPSG:4490', GCJ02: 'GCJ02', 'GCJ-02': 'GCJ02',
  BD09: 'BD09', 'BD-09': 'BD09', BD09LL: 'BD09', WEBMERCATOR: 'EPSG:3857', 'EPSG:900913': 'EPSG:3857',
};

const cache = new Map<string, Crs>();

function geographic(id: string, name: string): Crs {
  // CGCS2000 and WGS84 (G1762) agree to a few centimetres in China; no datum shift is applied.
  const copy = (a: number, b: number, r: XY) => { r[0] = a; r[1] = b; return r; };
  return { id, name, unit: 'degree', centralMeridianDeg: NaN, toLonLat: copy, fromLonLat: copy };
}

function projected(code: number): Crs | null {
  const def = projectedCrsDefinition(code);
  if (!def) return null;
  const base = def.baseCode === 4490 ? '+proj=longlat +ellps=GRS80 +no_defs' : 'EPSG:4326';
  const conv = proj4(base, def.proj4);
  const io = [0, 0];
  return {
    id: `EPSG:${code}`, name: def.name, unit: 'metre', centralMeridianDeg: def.centralMeridianDeg,
    toLonLat(x, y, r) { io[0] = x; io[1] = y; const p = conv.inverse(io); r[0] = p[0]; r[1] = p[1]; return r; },
    fromLonLat(lon, lat, r) { io[0] = lon; io[1] = lat; const p = conv.forward(io); r[0] = p[0]; r[1] = p[1]; return r; },
  };
}

function local(id: string, body: string): Crs | null {
  const parts = body.split(',').map(Number);
  if (parts.length < 2 || parts.length > 3 || parts.some((v) => !Number.isFinite(v))) return null;
  const frame = new LocalFrame(parts[0], parts[1], parts[2] ?? 0);
  return localFrameCrs(frame, id);
}

/** The city plane of a LocalFrame (x east, y north meters at the frame's origin) as a CRS. */
export function localFrameCrs(frame: LocalFrame, id = `LOCAL:${frame.originLonDeg},${frame.originLatDeg}`): Crs {
  return {
    id, name: `Local plane at ${frame.originLonDeg}E ${frame.originLatDeg}N`, unit: 'metre', centralMeridianDeg: NaN,
    toLonLat(x, y, r) { const p = frame.toLonLat(x, y); r[0] = p[0]; r[1] = p[1]; return r; },
    fromLonLat(lon, lat, r) { const p = frame.toPlane(lon, lat); r[0] = p[0]; r[1] = p[1]; return r; },
  };
}

function build(key: string): Crs | null {
  if (key === 'EPSG:4326') return geographic(key, 'WGS 84');
  if (key === 'EPSG:4490') return geographic(key, 'CGCS2000 (geographic)');
  if (key === 'GCJ02') {
    return { id: key, name: 'GCJ-02 (China obfuscated lon/lat)', unit: 'degree', centralMeridianDeg: NaN, toLonLat: gcj02ToWgs84, fromLonLat: wgs84ToGcj02 };
  }
  if (key === 'BD09') {
    return {
      id: key, name: 'BD-09 (Baidu lon/lat)', unit: 'degree', centralMeridianDeg: NaN,
      toLonLat(x, y, r) { bd09ToGcj02(x, y, r); return gcj02ToWgs84(r[0], r[1], r); },
      fromLonLat(lon, lat, r) { wgs84ToGcj02(lon, lat, r); return gcj02ToBd09(r[0], r[1], r); },
    };
  }
  if (key.startsWith('LOCAL:') || key.startsWith('ENU:')) return local(key, key.slice(key.indexOf(':') + 1));
  const m = /^EPSG:+(\d+)$/.exec(key);
  return m ? projected(Number(m[1])) : null;
}

/** Canonical key of an id: upper case, aliases and URN / bare-number forms folded to 'EPSG:n'. */
function normalize(text: string): string {
  const t = text.trim().toUpperCase();
  if (ALIASES[t]) return ALIASES[t];
  const urn = /^URN:OGC:DEF:CRS:(EPSG)::?(\d+)$/.exec(t) ?? /^URN:OGC:DEF:CRS:OGC:[\d.]*:(CRS)(84)$/.exec(t);
  if (urn) return urn[1] === 'CRS' ? 'EPSG:4326' : `EPSG:${urn[2]}`;
  if (/^\d+$/.test(t)) return `EPSG:${t}`;
  return t;
}

/**
 * Resolves a CRS id (case-insensitive; aliases WGS84, CGCS2000, GCJ-02, BD-09, URNs and bare EPSG
 * numbers accepted) to a cached `Crs`. Throws a RangeError listing the accepted ids otherwise.
 */
export function resolveCrs(id: string): Crs {
  const key = normalize(id);
  let crs = cache.get(key);
  if (!crs) {
    const built = build(key);
    if (!built) throw new RangeError(`unknown CRS "${id}": expected one of ${CRS_ID_HELP}`);
    crs = built;
    cache.set(key, crs);
  }
  return crs;
}
