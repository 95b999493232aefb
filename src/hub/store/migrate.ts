import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlClient } from './SqlClient';

export const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');

/** The migration files `NNN_name.sql` of a folder, by version. */
export function listMigrations(dir = MIGRATIONS_DIR): Array<{ version: number; name: string; sql: string }> {
  return readdirSync(dir).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort().map((f) => ({
    version: Number(f.slice(0, 3)), name: f.slice(4, -4), sql: readFileSync(join(dir, f), 'utf8'),
  }));
}

/**
 * Brings the database to the newest schema: each migration not yet in `schema_migrations` runs in
 * its own transaction with its version recorded, so a failed one leaves nothing half done. An
 * advisory lock keeps two hubs starting at once on one server from running the same migration.
 * Returns the versions applied now.
 */
export async function migrate(sql: SqlClient, dir = MIGRATIONS_DIR): Promise<number[]> {
  await sql.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  const applied: number[] = [];
  for (const m of listMigrations(dir)) {
    const done = await sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(20261201)');
      const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations WHERE version = $1', [m.version]);
      if (rows[0].n > 0) return false;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    }).catch((err: Error) => { throw new Error(`${sql.label}: migration ${String(m.version).padStart(3, '0')}_${m.name}.sql failed: ${err.message}`); });
    if (done) applied.push(m.version);
  }
  return applied;
}
