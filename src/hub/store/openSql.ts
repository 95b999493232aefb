import { mkdirSync } from 'node:fs';
import type { SqlClient } from './SqlClient';

/**
 * PGlite (PostgreSQL in WebAssembly, in this process) with its data in `dir`: the embedded default,
 * so `npm start` needs no database server. One connection; statements run one after another.
 */
export async function openPglite(dir: string): Promise<SqlClient> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(dir);
  return {
    label: `pglite ${dir}`,
    query: async (sql, params) => ({ rows: (await db.query(sql, params)).rows as never[] }),
    exec: async (sql) => { await db.exec(sql); },
    transaction: (fn) => db.transaction((tx) => fn({
      query: async (sql, params) => ({ rows: (await tx.query(sql, params)).rows as never[] }),
      exec: async (sql) => { await tx.exec(sql); },
    })),
    close: () => db.close(),
  };
}

/**
 * A real PostgreSQL (15 or later) through node-postgres: a pool of `max` connections. int8 and
 * numeric come back as JS numbers (the hub stores counts and epoch times well inside 2^53).
 */
export async function openPostgres(connectionString: string, max = 4): Promise<SqlClient> {
  const pg = (await import('pg')).default;
  const numeric = (v: string) => Number(v);
  const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 20 || oid === 1700 ? numeric : pg.types.getTypeParser(oid, format)) };
  const pool = new pg.Pool({ connectionString, max, types: types as never, connectionTimeoutMillis: 5000 });
  // A pooled connection that dies (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const url = new URL(connectionString);
  return {
    label: `postgresql ${url.host}${url.pathname}`,
    query: async (sql, params) => ({ rows: (await pool.query(sql, params)).rows }),
    exec: async (sql) => { await pool.query(sql); },
    transaction: async (fn) => {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const r = await fn({ query: async (sql, params) => ({ rows: (await c.query(sql, params)).rows }), exec: async (sql) => { await c.query(sql); } });
        await c.query('COMMIT');
        return r;
      } catch (err) {
        await c.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        c.release();
      }
    },
    close: () => pool.end(),
  };
}
