import type { Account } from '../accounts/Account';
import type { Authority } from '../Authority';

/** Broker credentials for one display tab: what the session API hands the page. */
export interface IssuedGrant {
  username: string;
  /** The MQTT password: a broker token, or a one-off password the broker was told about. */
  token: string;
  clientId: string;
  expiresAtMs: number;
}

/**
 * Makes broker credentials for a logged-in person's tab. The embedded broker and EMQX (JWT
 * authenticator) check a signed token (TokenGrants); Mosquitto 2.0 learns a short-lived client
 * through its dynamic-security plugin (MosquittoDynsecGrants).
 */
export interface FeedGrantIssuer {
  grant(account: Account, tabId: string): Promise<IssuedGrant>;
}

/** Grants as HS256 broker tokens of the Authority (embedded broker, EMQX with the same secret). */
export class TokenGrants implements FeedGrantIssuer {
  constructor(private readonly authority: Authority) {}

  async grant(account: Account, tabId: string): Promise<IssuedGrant> {
    const t = this.authority.issue(account.username, tabId);
    return { username: account.username, token: t.token, clientId: t.claims.cid, expiresAtMs: t.expiresAtMs };
  }
}
