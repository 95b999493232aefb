import type { BuildingRecord } from './BuildingRecord';
import { poisson, seededRandom } from './seededRandom';

/** Kinds of entity linked to a standard address ("one address, many entities"). */
export type EntityKind = 'household' | 'company' | 'event' | 'device';

/** One entity at an address; generated ones are deterministic for (seed, address id). */
export interface TwinEntity {
  id: string;
  kind: EntityKind;
  addressId: string;
  buildingId: string;
  name: string;
  attributes: Record<string, string | number>;
}

/** Counts of what lives at a building or address. People are counts, not individual records. */
export interface EntityCounts {
  people: number;
  households: number;
  companies: number;
  events: number;
  devices: number;
}

/** Mean household size (persons): China's 2020 census, 2.62. */
export const PERSONS_PER_HOUSEHOLD = 2.62;
/** 12345 hotline cases per person over the 90-day window the twin shows (~0.4 per person-year). */
export const HOTLINE_CASES_PER_PERSON_90D = 0.1;
/** Staff per company by use; institutions (school, hospital, ...) are one organisation each. */
const STAFF_PER_COMPANY: Record<string, number> = { office: 25, commercial: 8, industrial: 60 };
const HOTLINE_TOPICS = ['噪音扰民 noise', '物业管理 property management', '供水 water supply', '道路破损 road damage', '垃圾清运 refuse', '违章停车 parking', '燃气 gas', '绿化 greenery'];
const TRADES = ['科技 tech', '餐饮 catering', '商贸 trading', '咨询 consulting', '物流 logistics', '文创 creative', '医药 pharma', '教育 education'];

/** Counts generated for one building (deterministic for seed and building address/id). */
export function generatedCounts(b: BuildingRecord, seed: number): EntityCounts {
  const rand = seededRandom(seed, `counts:${b.addressId || b.id}:${b.id}`);
  const people = b.population;
  const households = b.use === 'residential' ? Math.round(people / PERSONS_PER_HOUSEHOLD) : 0;
  const staff = STAFF_PER_COMPANY[b.use];
  const companies = staff ? Math.max(1, Math.round(people / staff)) : b.use === 'residential' ? poisson(rand, households * 0.01) : 1;
  const events = poisson(rand, people * HOTLINE_CASES_PER_PERSON_90D);
  return { people, households, companies, events, devices: b.floors + 1 };
}

/**
 * The entities behind a building's generated counts: households (sizes summing to the residents,
 * spread over the floors), companies (staff summing to the workers), 12345 hotline cases of the
 * last 90 days, and devices (one smoke-detector hub per floor and an entrance camera).
 */
export function generateEntities(b: BuildingRecord, counts: EntityCounts, seed: number): TwinEntity[] {
  const rand = seededRandom(seed, `entities:${b.id}`);
  const base = { addressId: b.addressId, buildingId: b.id };
  const out: TwinEntity[] = [];
  const share = (total: number, parts: number, k: number) => Math.floor(total / parts) + (k < total % parts ? 1 : 0);
  for (let k = 0; k < counts.households; k++) {
    const floor = 1 + (k % b.floors), unit = 1 + Math.floor(k / b.floors);
    out.push({ ...base, id: `H-${b.id}-${floor}-${unit}`, kind: 'household', name: `${floor}层${unit}户`, attributes: { floor, members: share(counts.people, counts.households, k) } });
  }
  const workers = counts.households > 0 ? 0 : counts.people;
  for (let k = 0; k < counts.companies; k++) {
    const trade = TRADES[Math.floor(rand() * TRADES.length)];
    out.push({ ...base, id: `C-${b.id}-${k + 1}`, kind: 'company', name: `${trade.split(' ')[0]}${k + 1}号公司`, attributes: { trade: trade.split(' ')[1], staff: workers ? share(workers, counts.companies, k) : 1 + Math.floor(rand() * 3) } });
  }
  for (let k = 0; k < counts.events; k++) {
    const topic = HOTLINE_TOPICS[Math.floor(rand() * HOTLINE_TOPICS.length)];
    const daysAgo = Math.floor(rand() * 90);
    out.push({ ...base, id: `E-${b.id}-${k + 1}`, kind: 'event', name: `12345 ${topic.split(' ')[0]}`, attributes: { channel: '12345', topic: topic.split(' ')[1], daysAgo, status: daysAgo < 7 && rand() < 0.6 ? 'open' : 'closed' } });
  }
  for (let f = 1; f <= b.floors; f++) out.push({ ...base, id: `D-${b.id}-F${f}`, kind: 'device', name: `${f}层烟感主机`, attributes: { type: 'smoke-hub', floor: f } });
  out.push({ ...base, id: `D-${b.id}-CAM`, kind: 'device', name: '出入口摄像头', attributes: { type: 'entrance-camera', floor: 1 } });
  return out;
}
