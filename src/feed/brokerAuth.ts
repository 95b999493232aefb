import type { Aedes, AuthenticateError, Client } from 'aedes';
import type { Account } from '../server/accounts/Account';
import type { Authority } from '../server/Authority';
import type { BrokerRights } from '../server/tokens/brokerRights';
import { clientIdBelongsTo } from '../server/tokens/clientId';
import type { BrokerLimits } from './config/FeedConfig';
import { RetainedLedger } from './RetainedLedger';
import { filterCovers, topicMatches } from './topicFilters';

const IDENTIFIER_REJECTED = 2;
const BAD_USERNAME_OR_PASSWORD = 4;

/** Refusals counted by reason (for monitoring and the probe tests). */
export interface BrokerRefusals {
  refusedLogins: number;
  refusedClientIds: number;
  refusedPublishes: number;
  refusedSubscriptions: number;
  refusedRetained: number;
  expiredSessions: number;
}

interface Session {
  account: Account;
  rights: BrokerRights;
  timer: ReturnType<typeof setTimeout> | null;
}

function refuse(done: (err: AuthenticateError | null, ok: boolean) => void, code: number, message: string): void {
  const err = new Error(message) as AuthenticateError;
  err.returnCode = code;
  done(err, false);
}

/**
 * Installs authentication and authorization on an aedes broker:
 * - CONNECT: the user name is an account; the password is a broker token of that account for this
 *   very client id (people), or, for service accounts with a password, that password (scrypt).
 *   The client id must be `<username>:...`, so no account can take over another's session.
 *   A person's connection is closed when its token expires.
 * - PUBLISH/SUBSCRIBE: only within the role's filters (a refused publish closes the connection:
 *   MQTT 3.1.1 has no negative PUBACK; a refused subscription gets SUBACK 0x80); retained only for
 *   roles that may, up to maxRetainedBytes and maxRetainedMessages topics.
 */
export class BrokerAuth {
  readonly refusals: BrokerRefusals = { refusedLogins: 0, refusedClientIds: 0, refusedPublishes: 0, refusedSubscriptions: 0, refusedRetained: 0, expiredSessions: 0 };
  private readonly sessions = new WeakMap<Client, Session>();
  private readonly retained: RetainedLedger;

  constructor(broker: Aedes, private readonly authority: Authority, private readonly limits: BrokerLimits) {
    this.retained = new RetainedLedger(limits.maxRetainedBytes, limits.maxRetainedMessages);
    broker.authenticate = (client, username, password, done) => { void this.authenticate(client, username, password, done); };
    broker.authorizePublish = (client, packet, done) => {
      const why = client ? this.publishRefusal(client, packet.topic, packet.retain, packet.payload) : null;
      if (why) {
        this.refusals.refusedPublishes++;
        done(new Error(why));
      } else done(null);
    };
    broker.authorizeSubscribe = (client, sub, done) => {
      const s = this.sessions.get(client);
      if (!s || !s.rights.subscribe.some((f) => filterCovers(f, sub.topic))) {
        this.refusals.refusedSubscriptions++;
        done(null, null);
      } else done(null, sub);
    };
    broker.on('clientDisconnect', (client) => this.forget(client));
    broker.on('clientError', (client) => this.forget(client));
  }

  /** True once `client` has logged in. */
  isAuthenticated(client: Client): boolean {
    return this.sessions.has(client);
  }

  private forget(client: Client): void {
    const s = this.sessions.get(client);
    if (s?.timer) clearTimeout(s.timer);
  }

  private async authenticate(client: Client, username: string | undefined, password: Buffer | undefined, done: (err: AuthenticateError | null, ok: boolean) => void): Promise<void> {
    const account = username ? this.authority.accounts.get(username) : undefined;
    const rights = account ? this.authority.rightsOf(account) : null;
    const secret = password?.toString('utf8') ?? '';
    if (!account || !rights || !secret) {
      this.refusals.refusedLogins++;
      refuse(done, BAD_USERNAME_OR_PASSWORD, `bad user name or password for "${username ?? ''}"`);
      return;
    }
    if (!clientIdBelongsTo(client.id, account.username)) {
      this.refusals.refusedClientIds++;
      refuse(done, IDENTIFIER_REJECTED, `client id "${client.id}" is not "${account.username}:..." (client ids are bound to their account)`);
      return;
    }
    let expiresAtMs = Infinity;
    if (secret.split('.').length === 3) {
      const v = this.authority.tokens.verify(secret, account.username, client.id);
      if ('error' in v) {
        this.refusals.refusedLogins++;
        refuse(done, BAD_USERNAME_OR_PASSWORD, `token refused for "${account.username}": ${v.error}`);
        return;
      }
      expiresAtMs = v.claims.exp * 1000;
    } else if (account.kind !== 'service' || !(await this.authority.accounts.verify(account.username, secret))) {
      // People connect with a token from the session API, never with their password.
      this.refusals.refusedLogins++;
      refuse(done, BAD_USERNAME_OR_PASSWORD, `bad user name or password for "${account.username}"`);
      return;
    }
    const session: Session = { account, rights, timer: null };
    // A display's token ends its connection when it expires (a stolen one is worth 15 minutes);
    // a service (the simulator, the hub) is checked at connect only, so its stream has no gap.
    if (Number.isFinite(expiresAtMs) && account.kind === 'person') {
      session.timer = setTimeout(() => { this.refusals.expiredSessions++; client.close(); }, Math.max(0, expiresAtMs - Date.now()));
      session.timer.unref?.();
    }
    this.sessions.set(client, session);
    done(null, true);
  }

  private publishRefusal(client: Client, topic: string, retain: boolean, payload: Buffer | string): string | null {
    const s = this.sessions.get(client);
    if (!s) return `not logged in: may not publish to ${topic}`;
    const who = s.account.username;
    if (topic.startsWith('$') || !s.rights.publish.some((f) => topicMatches(f, topic))) return `"${who}" may not publish to ${topic}`;
    if (!retain) return null;
    const why = s.rights.retain.some((f) => topicMatches(f, topic))
      ? this.retained.admit(topic, typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length)
      : `"${who}" may not publish retained messages to ${topic}`;
    if (why) this.refusals.refusedRetained++;
    return why;
  }
}
