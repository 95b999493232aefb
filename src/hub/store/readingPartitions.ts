import type { SqlClient } from './SqlClient';

const HOUR_MS = 3_600_000;

/** `readings_h2026120116`: the raw readings of one UTC hour. */
export function partitionName(hourStartMs: number): string {
  return `readings_h${new Date(hourStartMs).toISOString().slice(0, 13).replace(/[-T]/g, '')}`;
}

/** Start of the UTC hour of a partition name, or NaN. */
export function partitionHourMs(name: string): number {
  const m = /^readings_h(\d{4})(\d{2})(\d{2})(\d{2})$/.exec(name);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4]) : NaN;
}

/**
 * Hourly range partitions of `readings`: made on demand before a batch that needs them, dropped
 * whole once past the raw retention (dropping a partition costs nothing, unlike DELETE). Several
 * hubs may share the server: a partition another hub made in the meantime is fine.
 */
export class ReadingPartitions {
  private readonly known = new Set<number>();

  constructor(private readonly sql: SqlClient) {}

  /** Makes sure a partition exists for each hour touched by `timesMs`. */
  async ensure(timesMs: ArrayLike<number>): Promise<void> {
    const hours = new Set<number>();
    for (let i = 0; i < timesMs.length; i++) hours.add(Math.floor(timesMs[i] / HOUR_MS) * HOUR_MS);
    for (const h of hours) {
      if (this.known.has(h)) continue;
      const name = partitionName(h);
      try {
        await this.sql.exec(`CREATE TABLE IF NOT EXISTS ${name} PARTITION OF readings FOR VALUES FROM ('${new Date(h).toISOString()}') TO ('${new Date(h + HOUR_MS).toISOString()}')`);
      } catch (err) {
        const { rows } = await this.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_class WHERE relname = $1', [name]);
        if (rows[0].n === 0) throw err;
      }
      this.known.add(h);
    }
  }

  /** Drops the partitions whose hour ended before `beforeMs`; returns their names. */
  async dropBefore(beforeMs: number): Promise<string[]> {
    const { rows } = await this.sql.query<{ name: string }>(
      "SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'readings'");
    const old = rows.map((r) => r.name).filter((n) => partitionHourMs(n) + HOUR_MS <= beforeMs);
    for (const name of old) {
      await this.sql.exec(`DROP TABLE IF EXISTS ${name}`);
      this.known.delete(partitionHourMs(name));
    }
    return old;
  }
}
