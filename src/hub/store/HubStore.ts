import type { RoadClosure } from '../closures/RoadClosure';
import type { Incident, IncidentStep } from '../incidents/Incident';
import type { TripLeg } from '../incidents/TripLeg';
import type { HubAlert } from '../state/HubAlert';
import type { IndicatorMessage } from '../state/IndicatorMessage';
import { migrate } from './migrate';
import { ReadingPartitions } from './readingPartitions';
import type { SqlClient } from './SqlClient';

/** Readings in columns (one batch insert). */
export interface ReadingRows {
  sensorIds: string[];
  timesMs: number[];
  values: number[];
}

/** A command as the audit log keeps it. */
export interface CommandRecord {
  id: string;
  receivedAtMs: number;
  username: string;
  unitId: string;
  alertId: string | null;
  /** The incident of an incident command (null for alert commands). */
  incidentId?: string | null;
  /** The road closure of a closure command. */
  closureId?: string | null;
  action: string | null;
  payload: unknown;
  ok: boolean;
  reason: string | null;
}

/** How long each kind of row is kept. */
export interface Retention {
  rawHours: number;
  minuteDays: number;
  snapshotDays: number;
}
export const DEFAULT_RETENTION: Retention = { rawHours: 24, minuteDays: 30, snapshotDays: 7 };

const DAY_MS = 86_400_000;

/**
 * The hub's one data-access module for writing and restoring: every SQL statement that changes
 * the store is here (HubHistory reads for the history API). Works on PGlite and PostgreSQL 15+.
 */
export class HubStore {
  private readonly partitions: ReadingPartitions;

  private constructor(readonly sql: SqlClient, readonly hubId: string) {
    this.partitions = new ReadingPartitions(sql);
  }

  /** Migrates the schema to the newest version and returns the store. */
  static async open(sql: SqlClient, hubId: string): Promise<HubStore> {
    await migrate(sql);
    return new HubStore(sql, hubId);
  }

  async insertReadings(r: ReadingRows): Promise<void> {
    if (!r.sensorIds.length) return;
    await this.partitions.ensure(r.timesMs);
    await this.sql.query(
      'INSERT INTO readings (sensor_id, t, value, hub_id) SELECT s, to_timestamp(ms / 1000.0), v, $4 FROM unnest($1::text[], $2::float8[], $3::real[]) AS x(s, ms, v)',
      [r.sensorIds, r.timesMs, r.values, this.hubId],
    );
  }

  /** Writes an alert's current state and one event of its history, together. */
  async recordAlert(a: HubAlert, change: string, byUser: string | null, detail: unknown, atMs: number): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO alerts (id, sensor_id, rule_id, severity, state, district_id, street_id, community_id, grid_id, hub_id, raised_at, resolved_at, updated_at, body)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, to_timestamp($11 / 1000.0), to_timestamp($12 / 1000.0), to_timestamp($13 / 1000.0), $14)
         ON CONFLICT (id) DO UPDATE SET state = excluded.state, resolved_at = excluded.resolved_at, updated_at = excluded.updated_at, body = excluded.body, hub_id = excluded.hub_id`,
        [a.id, a.sensorId, a.ruleId, a.severity, a.state, a.districtId, a.streetId, a.communityId, a.gridId, this.hubId, a.raisedAtMs, a.resolvedAtMs, atMs, JSON.stringify(a)],
      );
      await tx.query('INSERT INTO alert_events (alert_id, t, change, by_user, detail) VALUES ($1, to_timestamp($2 / 1000.0), $3, $4, $5)', [a.id, atMs, change, byUser, detail === undefined ? null : JSON.stringify(detail)]);
    });
  }

  /** Writes an incident's current state and the step that made it so, together. */
  async recordIncident(i: Incident, step: IncidentStep): Promise<void> {
    const alertId = i.source.kind === 'alert' ? i.source.alertId : null;
    await this.sql.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO incidents (id, type, severity, status, owner_tier, owner_unit, district_id, street_id, unit_id, lon, lat, alert_id, hub_id, created_at, updated_at, closed_at, body)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, to_timestamp($14 / 1000.0), to_timestamp($15 / 1000.0), to_timestamp($16 / 1000.0), $17)
         ON CONFLICT (id) DO UPDATE SET type = excluded.type, severity = excluded.severity, status = excluded.status, owner_tier = excluded.owner_tier,
           owner_unit = excluded.owner_unit, updated_at = excluded.updated_at, closed_at = excluded.closed_at, body = excluded.body, hub_id = excluded.hub_id`,
        [i.id, i.type, i.severity, i.status, i.owner.tier, i.owner.unitId, i.districtId, i.streetId, i.unitId, i.lonLat[0], i.lonLat[1], alertId, this.hubId,
          i.statusAtMs.reported ?? step.atMs, i.updatedAtMs, i.statusAtMs.closed ?? null, JSON.stringify(i)],
      );
      const { text, owner, vehicleIds, closureId, etaMs } = step;
      const detail = Object.fromEntries(Object.entries({ text, owner, vehicleIds, closureId, etaMs }).filter(([, v]) => v !== undefined));
      await tx.query(
        `INSERT INTO incident_events (incident_id, t, action, by_user, by_tier, by_unit, from_status, to_status, detail)
         VALUES ($1, to_timestamp($2 / 1000.0), $3, $4, $5, $6, $7, $8, $9)`,
        [i.id, step.atMs, step.action, step.by?.username ?? null, step.by?.tier ?? null, step.by?.unitId ?? null, step.from, step.to, Object.keys(detail).length ? JSON.stringify(detail) : null],
      );
    });
  }

  /** Incidents not closed, and those closed since `closedSinceMs` (still retained), oldest first. */
  async loadIncidents(closedSinceMs: number): Promise<Incident[]> {
    const { rows } = await this.sql.query<{ body: Incident | string }>(
      "SELECT body FROM incidents WHERE status <> 'closed' OR closed_at >= to_timestamp($1 / 1000.0) ORDER BY created_at", [closedSinceMs]);
    return rows.map((r) => (typeof r.body === 'string' ? JSON.parse(r.body) : r.body));
  }

  /** Writes a road closure as closed (a new row) or reopened (when and by whom). */
  async recordClosure(c: RoadClosure, change: 'closed' | 'reopened', byUser: string, atMs: number): Promise<void> {
    if (change === 'reopened') {
      await this.sql.query('UPDATE road_closures SET reopened_at = to_timestamp($2 / 1000.0), reopened_by = $3 WHERE id = $1', [c.id, atMs, byUser]);
      return;
    }
    await this.sql.query(
      `INSERT INTO road_closures (id, kind, closed_at, closed_by, incident_id, hub_id, body) VALUES ($1, $2, to_timestamp($3 / 1000.0), $4, $5, $6, $7)
       ON CONFLICT (id) DO NOTHING`,
      [c.id, c.kind, c.atMs, byUser, c.incidentId, this.hubId, JSON.stringify(c)],
    );
  }

  /** The road closures not reopened, oldest first. */
  async openClosures(): Promise<RoadClosure[]> {
    const { rows } = await this.sql.query<{ body: RoadClosure | string }>('SELECT body FROM road_closures WHERE reopened_at IS NULL ORDER BY closed_at, id');
    return rows.map((r) => (typeof r.body === 'string' ? JSON.parse(r.body) : r.body));
  }

  /** Keeps a vehicle's latest leg (its dispatch route, or a re-route). */
  async recordLeg(incidentId: string, vehicleId: string, leg: TripLeg): Promise<void> {
    await this.sql.query(
      `INSERT INTO vehicle_legs (incident_id, vehicle_id, started_at, body) VALUES ($1, $2, to_timestamp($3 / 1000.0), $4)
       ON CONFLICT (incident_id, vehicle_id) DO UPDATE SET started_at = excluded.started_at, body = excluded.body`,
      [incidentId, vehicleId, leg.startedAtMs, JSON.stringify(leg)],
    );
  }

  /** The latest legs of these incidents' vehicles, by `<incidentId> <vehicleId>`. */
  async loadLegs(incidentIds: readonly string[]): Promise<Map<string, TripLeg>> {
    const { rows } = await this.sql.query<{ incident_id: string; vehicle_id: string; body: TripLeg | string }>('SELECT incident_id, vehicle_id, body FROM vehicle_legs WHERE incident_id = ANY($1::text[])', [incidentIds]);
    return new Map(rows.map((r) => [`${r.incident_id} ${r.vehicle_id}`, typeof r.body === 'string' ? JSON.parse(r.body) : r.body]));
  }

  async recordCommand(c: CommandRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO commands (id, received_at, username, unit_id, alert_id, action, payload, ok, reason, hub_id, incident_id, closure_id)
       VALUES ($1, to_timestamp($2 / 1000.0), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id) DO NOTHING`,
      [c.id, c.receivedAtMs, c.username, c.unitId, c.alertId, c.action, JSON.stringify(c.payload ?? null), c.ok, c.reason, this.hubId, c.incidentId ?? null, c.closureId ?? null],
    );
  }

  /** The outcome of a command already handled (by any hub on this store), or null. */
  async findCommand(id: string): Promise<{ ok: boolean; reason: string | null; incidentId: string | null; closureId: string | null } | null> {
    const { rows } = await this.sql.query<{ ok: boolean; reason: string | null; incidentId: string | null; closureId: string | null }>(
      'SELECT ok, reason, incident_id AS "incidentId", closure_id AS "closureId" FROM commands WHERE id = $1', [id]);
    return rows[0] ?? null;
  }

  async insertSnapshot(m: IndicatorMessage): Promise<void> {
    await this.sql.query(
      `INSERT INTO indicator_snapshots (t, tier, district_id, hub_id, units, kinds, vals, fresh)
       VALUES (to_timestamp($1 / 1000.0), $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (tier, district_id, t) DO NOTHING`,
      [m.timeMs, m.tier, m.districtId ?? '', this.hubId, m.units, m.kinds, m.values.flat().map((v) => v ?? 'NaN'), m.fresh.flat()],
    );
  }

  /** Open alerts of these districts, for a hub starting (or taking over districts). */
  async openAlerts(districtIds: readonly string[]): Promise<HubAlert[]> {
    const { rows } = await this.sql.query<{ body: HubAlert | string }>("SELECT body FROM alerts WHERE state <> 'resolved' AND district_id = ANY($1::text[]) ORDER BY raised_at", [districtIds]);
    return rows.map((r) => (typeof r.body === 'string' ? JSON.parse(r.body) : r.body));
  }

  /**
   * Folds this hub's raw readings of [fromMs, toMs) into 1-minute aggregates (count, sum, min,
   * max, last), replacing the minutes it covers, so late readings are counted on the next pass.
   */
  async aggregateMinutes(fromMs: number, toMs: number): Promise<number> {
    const { rows } = await this.sql.query<{ n: number }>(
      `WITH m AS (
         INSERT INTO readings_1m (sensor_id, minute, hub_id, n, sum, min, max, last)
         SELECT sensor_id, date_trunc('minute', t), $3, count(*), sum(value), min(value), max(value), (array_agg(value ORDER BY t DESC))[1]
         FROM readings WHERE hub_id = $3 AND t >= to_timestamp($1 / 1000.0) AND t < to_timestamp($2 / 1000.0)
         GROUP BY 1, 2
         ON CONFLICT (sensor_id, minute) DO UPDATE SET n = excluded.n, sum = excluded.sum, min = excluded.min, max = excluded.max, last = excluded.last
         RETURNING 1)
       SELECT count(*)::int AS n FROM m`,
      [fromMs, toMs, this.hubId],
    );
    return rows[0].n;
  }

  /** Drops raw partitions and deletes aggregates and snapshots past their retention. */
  async maintain(nowMs: number, r: Retention = DEFAULT_RETENTION): Promise<{ droppedPartitions: string[] }> {
    const droppedPartitions = await this.partitions.dropBefore(nowMs - r.rawHours * 3_600_000);
    await this.sql.query('DELETE FROM readings_1m WHERE minute < to_timestamp($1 / 1000.0)', [nowMs - r.minuteDays * DAY_MS]);
    await this.sql.query('DELETE FROM indicator_snapshots WHERE t < to_timestamp($1 / 1000.0)', [nowMs - r.snapshotDays * DAY_MS]);
    return { droppedPartitions };
  }
}
