import type { BrokerRole } from '../feed/config/FeedConfig';
import type { Account } from './accounts/Account';
import { AccountStore } from './accounts/AccountStore';
import { loadOrCreateSecrets } from './secrets';
import { brokerRights, type BrokerRights } from './tokens/brokerRights';
import { clientIdOf } from './tokens/clientId';
import { TokenIssuer, type IssuedToken } from './tokens/TokenIssuer';

/** MQTT credentials for one connection (a broker token as password). */
export interface BrokerCredentials {
  username: string;
  password: string;
  clientId: string;
  expiresAtMs: number;
}

export interface AuthorityOptions {
  dataDir: string;
  roles: Record<string, BrokerRole>;
  /** Replaces {city} in role filters. */
  cityId: string;
  /** Broker token lifetime (s). */
  tokenTtlS: number;
  clock?: () => number;
}

/**
 * Who may do what: the accounts file, the roles' broker rights and the token issuer of one data
 * folder. The broker asks it at CONNECT; the session API asks it at login; services running in
 * the same process (simulator, hub) get their tokens from it.
 */
export class Authority {
  readonly accounts: AccountStore;
  readonly tokens: TokenIssuer;
  /** Signs session cookies (same secret, another audience). */
  readonly key: Buffer;

  constructor(readonly opts: AuthorityOptions) {
    this.accounts = new AccountStore(opts.dataDir, new Set(Object.keys(opts.roles)));
    this.key = loadOrCreateSecrets(opts.dataDir).tokenKey;
    this.tokens = new TokenIssuer(this.key, opts.tokenTtlS, opts.clock);
  }

  get roles(): Record<string, BrokerRole> {
    return this.opts.roles;
  }

  /** The account's broker rights, or null when its role is no longer defined. */
  rightsOf(account: Account): BrokerRights | null {
    const role = this.opts.roles[account.role];
    return role ? brokerRights(account, role, this.opts.cityId) : null;
  }

  /** A broker token for `username` as client id `username:suffix`; throws for an unknown account. */
  issue(username: string, suffix: string, ttlS?: number): IssuedToken & { account: Account } {
    const account = this.accounts.get(username);
    if (!account) throw new Error(`no account "${username}" in ${this.accounts.path}`);
    const rights = this.rightsOf(account);
    if (!rights) throw new Error(`account "${username}": role "${account.role}" is not in the feed config's roles`);
    return { ...this.tokens.issue(account, clientIdOf(username, suffix), rights, ttlS), account };
  }

  /** Credentials ready for mqtt.connect (a fresh token each call). */
  credentials(username: string, suffix: string, ttlS?: number): BrokerCredentials {
    const t = this.issue(username, suffix, ttlS);
    return { username, password: t.token, clientId: t.claims.cid, expiresAtMs: t.expiresAtMs };
  }
}
