/**
 * Parsing of the free-text measures found in OSM tags and GIS attributes: lengths with units
 * ("12", "12 m", "40 ft", "40'6\"", "12米") and level counts ("3", "3;4", "12层", "5 floors").
 */

const FOOT_M = 0.3048;
const INCH_M = 0.0254;
const UNIT_M: Record<string, number> = {
  '': 1, m: 1, meter: 1, meters: 1, metre: 1, metres: 1, '米': 1, '公尺': 1,
  cm: 0.01, mm: 0.001, km: 1000, ft: FOOT_M, feet: FOOT_M, foot: FOOT_M, "'": FOOT_M, in: INCH_M, '"': INCH_M,
};

/**
 * A length in meters from a number or text with an optional unit (m, cm, mm, km, ft/feet/',
 * feet-and-inches 40'6", 米); NaN when it is not one. Thousands separators "1,200" are accepted.
 */
export function parseLengthM(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  if (typeof value !== 'string') return NaN;
  const t = value.trim().toLowerCase().replace(/(\d),(\d{3})\b/g, '$1$2');
  const feetInches = /^(\d+(?:\.\d+)?)\s*'\s*(\d+(?:\.\d+)?)\s*"$/.exec(t);
  if (feetInches) return Number(feetInches[1]) * FOOT_M + Number(feetInches[2]) * INCH_M;
  const m = /^(-?\d+(?:\.\d+)?|-?\.\d+)\s*([a-z'"\u4e00-\u9fff]*)\.?$/.exec(t);
  if (!m) return NaN;
  const unit = UNIT_M[m[2]];
  return unit === undefined ? NaN : Number(m[1]) * unit;
}

/**
 * A count of levels from a number or text ("3", "3.5", "3;4" -> the largest, "12层", "5 floors",
 * "5 storeys"); NaN when there is none.
 */
export function parseLevels(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  if (typeof value !== 'string') return NaN;
  const parts = value.split(/[;,]/).map((p) => {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(?:层|樓|楼|f|fl|floors?|levels?|stor(?:e)?(?:y|ies|eys))?\.?\s*$/i.exec(p);
    return m ? Number(m[1]) : NaN;
  });
  if (parts.some((p) => Number.isNaN(p))) return NaN;
  return Math.max(...parts);
}
