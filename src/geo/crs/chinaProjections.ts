/**
 * proj4 definitions of the projected CRSs a Chinese city's data comes in: the CGCS2000
 * Gauss-Kruger zones and Web Mercator. CGCS2000 uses the GRS80 ellipsoid's a and 1/f
 * (6378137 m, 298.257222101), so `+ellps=GRS80` is exact for it.
 */

/** A projected CRS known to this module. Coordinates are [easting, northing] meters. */
export interface ProjectedCrsDefinition {
  code: number;
  name: string;
  proj4: string;
  /** The geographic CRS whose lon/lat the projection takes. */
  baseCode: 4326 | 4490;
  /** Central meridian (degrees) for Gauss-Kruger zones; NaN otherwise. */
  centralMeridianDeg: number;
  /** Easting of the central meridian (m): 500000, or zone * 1e6 + 500000 with a zone prefix. */
  falseEastingM: number;
}

function gaussKruger(code: number, cm: number, zone: number | null, widthDeg: 3 | 6): ProjectedCrsDefinition {
  const fe = zone === null ? 500000 : zone * 1e6 + 500000;
  const kind = widthDeg === 3 ? '3-degree Gauss-Kruger' : 'Gauss-Kruger';
  return {
    code,
    name: zone === null ? `CGCS2000 / ${kind} CM ${cm}E` : `CGCS2000 / ${kind} zone ${zone}`,
    proj4: `+proj=tmerc +lat_0=0 +lon_0=${cm} +k=1 +x_0=${fe} +y_0=0 +ellps=GRS80 +units=m +no_defs`,
    baseCode: 4490,
    centralMeridianDeg: cm,
    falseEastingM: fe,
  };
}

/**
 * The definition of EPSG `code`, or null when it is not one of: 3857 (Web Mercator),
 * 4491..4501 (CGCS2000 6-degree GK zones 13..23, zone prefix), 4502..4512 (6-degree, CM 75..135E,
 * no prefix), 4513..4533 (3-degree zones 25..45, zone prefix), 4534..4554 (3-degree CM 75..135E,
 * no prefix; e.g. 4544 = CM 105E).
 */
export function projectedCrsDefinition(code: number): ProjectedCrsDefinition | null {
  if (code === 3857) {
    return {
      code, name: 'WGS 84 / Pseudo-Mercator', baseCode: 4326, centralMeridianDeg: NaN, falseEastingM: 0,
      proj4: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs',
    };
  }
  if (code >= 4491 && code <= 4501) return gaussKruger(code, 75 + (code - 4491) * 6, 13 + code - 4491, 6);
  if (code >= 4502 && code <= 4512) return gaussKruger(code, 75 + (code - 4502) * 6, null, 6);
  if (code >= 4513 && code <= 4533) return gaussKruger(code, 75 + (code - 4513) * 3, 25 + code - 4513, 3);
  if (code >= 4534 && code <= 4554) return gaussKruger(code, 75 + (code - 4534) * 3, null, 3);
  return null;
}

/**
 * The CGCS2000 3-degree Gauss-Kruger CRS id for a longitude (degrees, 73.5..136.5 E): the zone
 * whose central meridian (a multiple of 3) is nearest. `zonePrefix` picks 4513.. over 4534..
 */
export function gaussKrugerCrsForLon(lonDeg: number, zonePrefix = false): string {
  const cm = Math.round(lonDeg / 3) * 3;
  if (!(cm >= 75 && cm <= 135)) {
    throw new RangeError(`gaussKrugerCrsForLon: lonDeg ${lonDeg} is outside the CGCS2000 3-degree zones (73.5..136.5 E)`);
  }
  return `EPSG:${(zonePrefix ? 4513 : 4534) + (cm - 75) / 3}`;
}
