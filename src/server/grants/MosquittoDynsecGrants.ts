import { randomBytes } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import type { Account } from '../accounts/Account';
import type { Authority } from '../Authority';
import { clientIdOf } from '../tokens/clientId';
import type { FeedGrantIssuer, IssuedGrant } from './FeedGrantIssuer';

const CONTROL = '$CONTROL/dynamic-security/v1';
type Command = Record<string, unknown> & { command: string };

/**
 * Grants on a Mosquitto 2.0 broker through its dynamic-security plugin: each grant is a new
 * dynsec client (user name `<account>.<random>`, a random password, the one client id
 * `<account>:<tab>`, the account's role) deleted when it expires, which also disconnects it. The
 * role `rc-<account>` carries the account's resolved rights (publishClientSend / subscribePattern).
 * Mosquitto cannot refuse the retain flag per role: its `retain_available` and
 * `message_size_limit` options are broker-wide (see README "Security").
 */
export class MosquittoDynsecGrants implements FeedGrantIssuer {
  private client: MqttClient | null = null;
  private readonly pending = new Map<string, (r: Array<{ error?: string; data?: unknown }>) => void>();
  private readonly roles = new Set<string>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(private readonly url: string, private readonly admin: { username: string; password: string }, private readonly authority: Authority, private readonly ttlS = authority.tokens.ttlS) {}

  /** Connects as the dynsec admin. */
  async start(): Promise<void> {
    const client = await mqtt.connectAsync(this.url, { ...this.admin, clientId: `${this.admin.username}:grants-${randomBytes(4).toString('hex')}`, protocolVersion: 4, reconnectPeriod: 1000 });
    this.client = client;
    client.on('message', (_t, payload) => {
      const body = JSON.parse(payload.toString('utf8')) as { responses?: Array<{ correlationData?: string; error?: string }> };
      const id = body.responses?.[0]?.correlationData;
      if (id) { this.pending.get(id)?.(body.responses!); this.pending.delete(id); }
    });
    await client.subscribeAsync(`${CONTROL}/response`, { qos: 1 });
    await this.purgeStale();
  }

  /** Deletes grants a previous run left behind (their passwords died with it). */
  private async purgeStale(): Promise<void> {
    const [r] = await this.request([{ command: 'listClients', verbose: false }]);
    const names = ((r.data as { clients?: unknown[] } | undefined)?.clients ?? []).filter((n): n is string => typeof n === 'string' && /\.[0-9a-f]{12}$/.test(n));
    if (names.length) await this.command(names.map((username) => ({ command: 'deleteClient', username })));
  }

  /** Sends dynsec commands; resolves with each one's error (undefined when it succeeded). */
  async command(commands: Command[]): Promise<Array<string | undefined>> {
    return (await this.request(commands)).map((r) => r.error);
  }

  private async request(commands: Command[]): Promise<Array<{ error?: string; data?: unknown }>> {
    if (!this.client) throw new Error('MosquittoDynsecGrants: start() first');
    const id = randomBytes(8).toString('hex');
    const done = new Promise<Array<{ error?: string; data?: unknown }>>((resolve, reject) => {
      this.pending.set(id, resolve);
      setTimeout(() => { if (this.pending.delete(id)) reject(new Error(`mosquitto dynsec: no answer to ${commands.map((c) => c.command).join(', ')} within 5 s`)); }, 5000);
    });
    await this.client.publishAsync(CONTROL, JSON.stringify({ commands: commands.map((c) => ({ ...c, correlationData: id })) }), { qos: 1 });
    return done;
  }

  /** Creates (once per process) the role `rc-<account>` with the account's rights. */
  private async ensureRole(account: Account): Promise<string> {
    const rolename = `rc-${account.username}`;
    if (this.roles.has(rolename)) return rolename;
    const rights = this.authority.rightsOf(account);
    if (!rights) throw new Error(`account "${account.username}": role "${account.role}" is not in the feed config's roles`);
    const acls = [
      ...rights.publish.map((topic) => ({ acltype: 'publishClientSend', topic, allow: true })),
      ...rights.subscribe.map((topic) => ({ acltype: 'subscribePattern', topic, allow: true })),
    ];
    await this.command([{ command: 'deleteRole', rolename }]);
    const [err] = await this.command([{ command: 'createRole', rolename, acls }]);
    if (err) throw new Error(`mosquitto dynsec createRole ${rolename}: ${err}`);
    this.roles.add(rolename);
    return rolename;
  }

  /** A client with a fixed password (a service such as a sensor gateway), kept until removed. */
  async ensureService(account: Account, password: string, clientId: string): Promise<void> {
    const rolename = await this.ensureRole(account);
    await this.command([{ command: 'deleteClient', username: account.username }]);
    const [err] = await this.command([{ command: 'createClient', username: account.username, password, clientid: clientId, roles: [{ rolename }] }]);
    if (err) throw new Error(`mosquitto dynsec createClient ${account.username}: ${err}`);
  }

  async grant(account: Account, tabId: string): Promise<IssuedGrant> {
    const rolename = await this.ensureRole(account);
    const username = `${account.username}.${randomBytes(6).toString('hex')}`;
    const token = randomBytes(24).toString('base64url');
    const clientId = clientIdOf(account.username, tabId);
    const [err] = await this.command([{ command: 'createClient', username, password: token, clientid: clientId, textname: account.displayName, roles: [{ rolename }] }]);
    if (err) throw new Error(`mosquitto dynsec createClient: ${err}`);
    const expiresAtMs = Date.now() + this.ttlS * 1000;
    const timer = setTimeout(() => { this.timers.delete(timer); void this.command([{ command: 'deleteClient', username }]).catch(() => {}); }, this.ttlS * 1000);
    timer.unref?.();
    this.timers.add(timer);
    return { username, token, clientId, expiresAtMs };
  }

  /** Stops expiring grants and disconnects. Safe twice. */
  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const c = this.client;
    this.client = null;
    if (c) await c.endAsync(true);
  }
}
