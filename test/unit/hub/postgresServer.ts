import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PG_BIN = '/usr/lib/postgresql/15/bin';

/** True when Debian's PostgreSQL 15 server binaries are installed. */
export function hasPostgres(): boolean {
  return existsSync(join(PG_BIN, 'initdb')) && existsSync(join(PG_BIN, 'pg_ctl'));
}

/**
 * A throwaway PostgreSQL 15 server for a test: initdb into a temp folder, listening on
 * 127.0.0.1:port only (socket in the folder), trust authentication for local connections. Run as
 * root, the server runs as user postgres (initdb refuses root). stop()/start() restart it on the
 * same data, as a PostgreSQL restart under load would.
 */
export class PostgresServer {
  readonly dir = mkdtempSync(join(tmpdir(), 'rc-pg-'));
  private readonly asRoot = process.getuid?.() === 0;

  constructor(readonly port: number) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private run(bin: string, args: string[]): void {
    const cmd = this.asRoot ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, bin), ...args]] as const : [join(PG_BIN, bin), args] as const;
    const r = spawnSync(cmd[0], cmd[1] as string[], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
  }

  /** initdb (first time) and start; resolves when it accepts connections. */
  async start(): Promise<void> {
    if (this.asRoot) chownSync(this.dir, Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim()), Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim()));
    if (!existsSync(join(this.dir, 'db'))) this.run('initdb', ['-D', join(this.dir, 'db'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    this.run('pg_ctl', ['-D', join(this.dir, 'db'), '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-l', join(this.dir, 'log'), '-w', 'start']);
  }

  /** Fast shutdown (clients are disconnected, as in a restart). */
  stop(): void {
    this.run('pg_ctl', ['-D', join(this.dir, 'db'), '-m', 'fast', '-w', 'stop']);
  }

  dispose(): void {
    try { this.stop(); } catch { /* already stopped */ }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
