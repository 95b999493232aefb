import type { HubAlert } from '../state/HubAlert';
import type { SqlClient } from './SqlClient';

/** History ranges the API offers, with the bucket each is downsampled to on the server. */
export const HISTORY_RANGES = { '1h': { ms: 3_600_000, bucketS: 10 }, '24h': { ms: 86_400_000, bucketS: 300 }, '7d': { ms: 7 * 86_400_000, bucketS: 1800 } } as const;
export type HistoryRange = keyof typeof HISTORY_RANGES;

/** A downsampled series: one point per bucket with readings, [tMs (bucket start), mean, min, max, n]. */
export interface HistorySeries {
  bucketS: number;
  fromMs: number;
  toMs: number;
  points: Array<[number, number, number, number, number]>;
}

type Row = { t_ms: number; mean: number; min: number; max: number; n: number };

const toSeries = (rows: Row[], bucketS: number, fromMs: number, toMs: number): HistorySeries => ({
  bucketS, fromMs, toMs, points: rows.map((r) => [Number(r.t_ms), Number(r.mean), Number(r.min), Number(r.max), Number(r.n)]),
});

/**
 * The store's read side for the history API and replay: sensor and unit-indicator series over
 * 1 h / 24 h / 7 d downsampled in SQL (raw readings for up to 24 h, 1-minute aggregates beyond),
 * alerts per unit with their changes, and the state at a past moment.
 */
export class HubHistory {
  constructor(private readonly sql: SqlClient) {}

  async sensorSeries(sensorId: string, range: HistoryRange, nowMs: number): Promise<HistorySeries> {
    const { ms, bucketS } = HISTORY_RANGES[range], fromMs = nowMs - ms;
    const raw = range !== '7d';
    const { rows } = await this.sql.query<Row>(raw
      ? `SELECT (floor(extract(epoch FROM t) / $4) * $4 * 1000)::float8 AS t_ms, avg(value)::float8 AS mean, min(value)::float8 AS min, max(value)::float8 AS max, count(*)::int AS n
         FROM readings WHERE sensor_id = $1 AND t > to_timestamp($2 / 1000.0) AND t <= to_timestamp($3 / 1000.0) GROUP BY 1 ORDER BY 1`
      : `SELECT (floor(extract(epoch FROM minute) / $4) * $4 * 1000)::float8 AS t_ms, (sum(sum) / sum(n))::float8 AS mean, min(min)::float8 AS min, max(max)::float8 AS max, sum(n)::int AS n
         FROM readings_1m WHERE sensor_id = $1 AND minute > to_timestamp($2 / 1000.0) AND minute <= to_timestamp($3 / 1000.0) GROUP BY 1 ORDER BY 1`,
    [sensorId, fromMs, nowMs, bucketS]);
    return toSeries(rows, bucketS, fromMs, nowMs);
  }

  /** A unit's indicator of `kind` from the per-minute snapshots of its tier and district ('' for the city). */
  async unitSeries(unitId: string, tier: string, districtId: string, kind: string, range: HistoryRange, nowMs: number): Promise<HistorySeries> {
    const { ms, bucketS } = HISTORY_RANGES[range], fromMs = nowMs - ms;
    const { rows } = await this.sql.query<Row>(
      `WITH s AS (
         SELECT t, vals[(array_position(kinds, $5) - 1) * cardinality(units) + array_position(units, $4)] AS v
         FROM indicator_snapshots WHERE tier = $1 AND district_id = $2 AND t > to_timestamp($3 / 1000.0) AND t <= to_timestamp($7 / 1000.0))
       SELECT (floor(extract(epoch FROM t) / $6) * $6 * 1000)::float8 AS t_ms, avg(v)::float8 AS mean, min(v)::float8 AS min, max(v)::float8 AS max, count(*)::int AS n
       FROM s WHERE v IS NOT NULL AND v <> 'NaN' GROUP BY 1 ORDER BY 1`,
      [tier, districtId, fromMs, unitId, kind, bucketS, nowMs]);
    return toSeries(rows, bucketS, fromMs, nowMs);
  }

  /** Alerts raised in a unit (any level) since fromMs, newest first, each with its changes. */
  async unitAlerts(unitId: string, fromMs: number, limit = 500): Promise<Array<{ alert: HubAlert; events: Array<{ tMs: number; change: string; byUser: string | null }> }>> {
    const { rows } = await this.sql.query<{ body: HubAlert | string }>(
      `SELECT body FROM alerts WHERE raised_at >= to_timestamp($2 / 1000.0)
         AND ($1 IN (district_id, street_id, community_id, grid_id) OR $1 = '*') ORDER BY raised_at DESC LIMIT $3`, [unitId, fromMs, limit]);
    const alerts = rows.map((r) => (typeof r.body === 'string' ? JSON.parse(r.body) : r.body) as HubAlert);
    if (!alerts.length) return [];
    const ev = await this.sql.query<{ alert_id: string; t_ms: number; change: string; by_user: string | null }>(
      'SELECT alert_id, (extract(epoch FROM t) * 1000)::float8 AS t_ms, change, by_user FROM alert_events WHERE alert_id = ANY($1::text[]) ORDER BY seq', [alerts.map((a) => a.id)]);
    const byId = new Map(alerts.map((a) => [a.id, [] as Array<{ tMs: number; change: string; byUser: string | null }>]));
    for (const e of ev.rows) byId.get(e.alert_id)?.push({ tMs: Number(e.t_ms), change: e.change, byUser: e.by_user });
    return alerts.map((alert) => ({ alert, events: byId.get(alert.id)! }));
  }

  /**
   * The state at `atMs` for replay: the newest indicator snapshot of each tier and district in the
   * 5 minutes before, and the alerts open then, with the state they had (acknowledged or not).
   */
  async stateAt(atMs: number): Promise<{ atMs: number; indicators: Array<{ tier: string; districtId: string; tMs: number; units: string[]; kinds: string[]; values: number[] }>; alerts: HubAlert[] }> {
    const snaps = await this.sql.query<{ tier: string; district_id: string; t_ms: number; units: string[]; kinds: string[]; vals: number[] }>(
      `SELECT DISTINCT ON (tier, district_id) tier, district_id, (extract(epoch FROM t) * 1000)::float8 AS t_ms, units, kinds, vals
       FROM indicator_snapshots WHERE t <= to_timestamp($1 / 1000.0) AND t > to_timestamp(($1 - 300000) / 1000.0) ORDER BY tier, district_id, t DESC`, [atMs]);
    const open = await this.sql.query<{ body: HubAlert | string }>(
      'SELECT body FROM alerts WHERE raised_at <= to_timestamp($1 / 1000.0) AND (resolved_at IS NULL OR resolved_at > to_timestamp($1 / 1000.0)) ORDER BY raised_at', [atMs]);
    const alerts = open.rows.map((r) => {
      const a = (typeof r.body === 'string' ? JSON.parse(r.body) : r.body) as HubAlert;
      const acked = a.acknowledgedAtMs !== null && a.acknowledgedAtMs <= atMs;
      return { ...a, state: acked ? 'acknowledged' : 'raised', resolvedAtMs: null, resolution: null, acknowledgedAtMs: acked ? a.acknowledgedAtMs : null } as HubAlert;
    });
    return {
      atMs,
      indicators: snaps.rows.map((r) => ({ tier: r.tier, districtId: r.district_id, tMs: Number(r.t_ms), units: r.units, kinds: r.kinds, values: r.vals.map(Number) })),
      alerts,
    };
  }
}
