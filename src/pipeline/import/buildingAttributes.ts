import type { BuildingUse } from '../../twin/BuildingUse';
import { buildingUseFromTags } from './buildingUseFromTags';
import { parseLengthM, parseLevels } from './parseMeasure';

/** What a source's raw attributes say about a building; NaN where they say nothing usable. */
export interface BuildingAttributes {
  heightM: number;
  levels: number;
  /** Attribute texts present but unreadable, e.g. 'height="tall"'. */
  unreadable: string[];
  use: BuildingUse;
  useGuessed: boolean;
  address: string;
  addressPinyin: string;
  addressId: string;
}

const HEIGHT_KEYS = ['height', 'building:height', 'height_m', 'est_height'];
const LEVEL_KEYS = ['building:levels', 'levels', 'floors', 'storeys', 'stories', 'floor_count', '层数'];
const CJK = /[\u3400-\u9fff]/;

function lowerKeys(attrs: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(attrs)) out[k.toLowerCase()] = attrs[k];
  return out;
}

function firstMeasure(a: Record<string, unknown>, keys: string[], parse: (v: unknown) => number, unreadable: string[]): number {
  for (const k of keys) {
    const v = a[k];
    if (v === undefined || v === null || v === '') continue;
    const n = parse(v);
    if (Number.isFinite(n) && n > 0) return n;
    unreadable.push(`${k}=${JSON.stringify(v)}`);
  }
  return NaN;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** Standard address from a full-address attribute or OSM addr:* parts (Chinese or Western order). */
function addressOf(a: Record<string, unknown>): { address: string; pinyin: string } {
  const full = text(a.address) || text(a['addr:full']);
  const pinyin = text(a.addresspinyin) || text(a['addr:full:en']) || text(a['addr:full:zh-latn-pinyin']);
  if (full) return { address: full, pinyin: pinyin || (CJK.test(full) ? '' : full) };
  const p = (k: string) => text(a[`addr:${k}`]);
  const [city, district, street, no] = [p('city'), p('district') || p('suburb'), p('street') || p('place'), p('housenumber')];
  if (!street && !no) return { address: '', pinyin };
  if (CJK.test(city + district + street)) {
    const address = `${p('province')}${city}${district}${street}${no}${/^\d+$/.test(no) ? '号' : ''}`;
    const streetEn = text(a['addr:street:en']) || text(a['addr:street:zh-latn-pinyin']);
    return { address, pinyin: pinyin || (streetEn ? [no, streetEn].filter(Boolean).join(' ') : '') };
  }
  const address = [[no, street].filter(Boolean).join(' '), district, city].filter(Boolean).join(', ');
  return { address, pinyin: pinyin || address };
}

/**
 * Reads height (`height`, `building:height`, with units), levels (`building:levels`, `levels`,
 * `floors`, ...), use and standard address from OSM tags or GeoJSON properties (keys matched
 * case-insensitively). Unreadable values are listed rather than dropped silently.
 */
export function buildingAttributes(attrs: Record<string, unknown>): BuildingAttributes {
  const a = lowerKeys(attrs);
  const unreadable: string[] = [];
  const heightM = firstMeasure(a, HEIGHT_KEYS, parseLengthM, unreadable);
  const levels = firstMeasure(a, LEVEL_KEYS, parseLevels, unreadable);
  const { use, guessed } = buildingUseFromTags(a);
  const { address, pinyin } = addressOf(a);
  return { heightM, levels, unreadable, use, useGuessed: guessed, address, addressPinyin: pinyin, addressId: text(a.addressid) };
}
