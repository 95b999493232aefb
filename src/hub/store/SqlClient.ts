/**
 * The little the hub's store needs from a PostgreSQL connection; PGlite (embedded) and node-postgres
 * (a real server) both fit through the adapters in openSql.ts. Parameters are `$1..$n`.
 */
export interface SqlClient {
  /** Which engine this is, for messages ('pglite DIR' or 'postgresql HOST/DB'). */
  readonly label: string;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs several statements (a migration file) in one go. */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction (BEGIN ... COMMIT, ROLLBACK on a throw). */
  transaction<T>(fn: (tx: Pick<SqlClient, 'query' | 'exec'>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
