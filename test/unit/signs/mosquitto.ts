import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrokerRole } from '../../../src/feed/config/FeedConfig';
import { dynsecInitFile } from '../../../src/server/grants/dynsecFile';
import type { TestAccounts } from './feedTestKit';

export const MOSQUITTO = '/usr/sbin/mosquitto';

/** A Mosquitto password-file account with its ACL (publish -> write, subscribe -> read). */
export interface MosquittoAccount {
  username: string;
  password: string;
  publish: string[];
  subscribe: string[];
}

/** Test accounts 'viewer', 'sensor' and 'operator' with the rights of the feed config's roles of those names, for city `cityId`. */
export function mosquittoAccounts(roles: Record<string, BrokerRole>, cityId = 'demo'): MosquittoAccount[] {
  const fill = (name: string) => (f: string) => f.replaceAll('{city}', cityId).replaceAll('{username}', name).replaceAll('{unit}', '510100');
  return ['viewer', 'sensor', 'operator'].map((name) => ({ username: name, password: `${name}-mosquitto-test`, publish: roles[name].publish.map(fill(name)), subscribe: roles[name].subscribe.map(fill(name)) }));
}

/** The same accounts as a TestAccounts (client ids `<username>:<suffix>`, as the embedded broker requires). */
export function mosquittoTestAccounts(accounts: MosquittoAccount[]): TestAccounts {
  const of = (name: string) => (suffix: string) => {
    const a = accounts.find((x) => x.username === name)!;
    return { username: a.username, password: a.password, clientId: `${a.username}:${suffix}` };
  };
  return { display: of('viewer'), sensor: of('sensor'), operator: of('operator') };
}

/** True when the Debian mosquitto binary and mosquitto_passwd are installed. */
export function hasMosquitto(): boolean {
  return existsSync(MOSQUITTO) && spawnSync('mosquitto_passwd', ['-h']).error === undefined;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createConnection({ port, host: '127.0.0.1' }, () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
  });
}

/** The dynamic-security plugin of the installed mosquitto package, or null. */
export function dynsecPlugin(): string | null {
  const r = spawnSync('dpkg', ['-L', 'mosquitto'], { encoding: 'utf8' });
  return (r.stdout ?? '').split('\n').find((l) => l.endsWith('/mosquitto_dynamic_security.so')) ?? null;
}

/**
 * A real Mosquitto on a TCP and a WebSocket port of 127.0.0.1 with persistence in a temp dir, so
 * persistent sessions and their queued QoS 1 messages survive stop() + start(). Access either by
 * a password file and an ACL generated from `accounts` (publish -> write, subscribe -> read), or,
 * with `dynsecAdmin`, by the dynamic-security plugin (clients and roles created at run time by
 * MosquittoDynsecGrants) with limits like the embedded broker's.
 */
export class MosquittoBroker {
  readonly dir = mkdtempSync(join(tmpdir(), 'rc-mosquitto-'));
  private proc: ChildProcess | null = null;
  log = '';

  constructor(readonly tcpPort: number, readonly wsPort: number, accounts: MosquittoAccount[], dynsecAdmin?: { username: string; password: string }, extraConfig: string[] = []) {
    let access: string[];
    if (dynsecAdmin) {
      const plugin = dynsecPlugin();
      if (!plugin) throw new Error('mosquitto_dynamic_security.so not found in the mosquitto package');
      writeFileSync(join(this.dir, 'dynsec.json'), dynsecInitFile(dynsecAdmin.username, dynsecAdmin.password));
      access = [`plugin ${plugin}`, `plugin_opt_config_file ${join(this.dir, 'dynsec.json')}`, 'max_packet_size 262144', 'max_connections 1024'];
    } else {
      const pw = join(this.dir, 'passwd'), acl = join(this.dir, 'acl');
      writeFileSync(pw, '');
      for (const a of accounts) {
        const r = spawnSync('mosquitto_passwd', ['-b', pw, a.username, a.password], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`mosquitto_passwd for ${a.username}: ${r.stderr}`);
      }
      writeFileSync(acl, accounts.map((a) => [
        `user ${a.username}`, ...a.publish.map((f) => `topic write ${f}`), ...a.subscribe.map((f) => `topic read ${f}`), '',
      ].join('\n')).join('\n'));
      access = [`password_file ${pw}`, `acl_file ${acl}`];
    }
    // Started as root, mosquitto would drop to user 'mosquitto', which cannot read this private temp dir.
    const user = process.getuid?.() === 0 ? ['user root'] : [];
    writeFileSync(join(this.dir, 'mosquitto.conf'), [
      ...user, 'per_listener_settings false', 'allow_anonymous false', ...access, ...extraConfig,
      'persistence true', `persistence_location ${this.dir}/`, 'autosave_interval 1',
      `listener ${tcpPort} 127.0.0.1`, `listener ${wsPort} 127.0.0.1`, 'protocol websockets',
      'log_dest stderr', 'log_type error', 'log_type warning', 'log_type notice', '',
    ].join('\n'));
  }

  get urls(): { tcp: string; ws: string } {
    return { tcp: `mqtt://127.0.0.1:${this.tcpPort}`, ws: `ws://127.0.0.1:${this.wsPort}/mqtt` };
  }

  /** Starts mosquitto and resolves once both ports accept connections. */
  async start(): Promise<void> {
    if (this.proc) throw new Error('mosquitto already running');
    const proc = spawn(MOSQUITTO, ['-c', join(this.dir, 'mosquitto.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc = proc;
    proc.stderr!.on('data', (d) => { this.log += d; });
    proc.stdout!.on('data', (d) => { this.log += d; });
    const t0 = Date.now();
    while (!(await portOpen(this.tcpPort)) || !(await portOpen(this.wsPort))) {
      if (proc.exitCode !== null) throw new Error(`mosquitto exited with ${proc.exitCode}: ${this.log}`);
      if (Date.now() - t0 > 5000) throw new Error(`mosquitto did not listen within 5 s: ${this.log}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** SIGTERM (mosquitto saves its persistence file on the way out); resolves when it has exited. */
  async stop(): Promise<void> {
    const proc = this.proc;
    this.proc = null;
    if (!proc || proc.exitCode !== null) return;
    await new Promise<void>((resolve) => { proc.once('exit', () => resolve()); proc.kill('SIGTERM'); });
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
