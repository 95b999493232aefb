import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { freePort } from '../signs/netUtil';

export const NATS_SERVER = '/usr/sbin/nats-server';

/** True when Debian's nats-server is installed. */
export function hasNats(): boolean {
  return spawnSync(NATS_SERVER, ['--version']).status === 0;
}

/**
 * A 3-node NATS cluster on 127.0.0.1 with JetStream and MQTT on every node (MQTT 3.1.1; QoS 1
 * sessions and retained messages live in JetStream, so they are the cluster's, not a node's).
 * Started by the test, stopped by pid.
 */
export class NatsCluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'rc-nats-'));
  readonly mqttPorts: number[] = [];
  private readonly procs: ChildProcess[] = [];
  log = '';

  /** The MQTT URL of node i (0..2). */
  url(i: number): string {
    return `mqtt://127.0.0.1:${this.mqttPorts[i]}`;
  }

  async start(): Promise<void> {
    const client = [await freePort(), await freePort(), await freePort()];
    const cluster = [await freePort(), await freePort(), await freePort()];
    for (let i = 0; i < 3; i++) this.mqttPorts.push(await freePort());
    for (let i = 0; i < 3; i++) {
      const store = join(this.dir, `n${i + 1}`);
      mkdirSync(store);
      const conf = join(this.dir, `n${i + 1}.conf`);
      writeFileSync(conf, [
        `server_name: n${i + 1}`, `listen: 127.0.0.1:${client[i]}`, `jetstream { store_dir: "${store}" }`,
        `cluster { name: c1, listen: 127.0.0.1:${cluster[i]}, routes: [${cluster.map((p) => `nats-route://127.0.0.1:${p}`).join(', ')}] }`,
        `mqtt { listen: 127.0.0.1:${this.mqttPorts[i]} }`, '',
      ].join('\n'));
      const p = spawn(NATS_SERVER, ['-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
      p.stdout!.on('data', (d) => { this.log += d; });
      p.stderr!.on('data', (d) => { this.log += d; });
      this.procs.push(p);
    }
    await this.ready();
  }

  /** Waits until each node accepts an MQTT session (JetStream elects its leaders first, ~10-15 s). */
  private async ready(): Promise<void> {
    const t0 = Date.now();
    for (let i = 0; i < 3; i++) {
      for (;;) {
        try {
          const c = await mqtt.connectAsync(this.url(i), { clientId: `probe-${i}`, clean: false, connectTimeout: 3000, reconnectPeriod: 0 });
          await c.subscribeAsync('probe/#', { qos: 1 });
          await c.endAsync();
          break;
        } catch (err) {
          if (Date.now() - t0 > 90_000) throw new Error(`NATS node ${i + 1} took no MQTT session within 90 s: ${(err as Error).message}\n${this.log.slice(-2000)}`);
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.procs.map((p) => new Promise<void>((resolve) => {
      if (p.exitCode !== null) return resolve();
      p.once('exit', () => resolve());
      p.kill('SIGTERM');
    })));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
