import { randomBytes } from 'node:crypto';
import type { Account } from '../accounts/Account';
import type { BrokerRights } from './brokerRights';
import { signJwt, verifyJwt } from './jwt';

export const TOKEN_ISSUER = 'rongcheng-twin';

/** The claims of a broker token (JWT). `acl` is EMQX's JWT ACL claim format. */
export interface BrokerTokenClaims {
  iss: string;
  aud: 'mqtt';
  /** Account name: the MQTT user name must equal it. */
  sub: string;
  /** The one MQTT client id this token may connect as. */
  cid: string;
  role: string;
  tier: string;
  unit: string;
  iat: number;
  /** Expiry, epoch seconds. */
  exp: number;
  jti: string;
  acl: { pub: string[]; sub: string[] };
}

export interface IssuedToken {
  token: string;
  expiresAtMs: number;
  claims: BrokerTokenClaims;
}

/**
 * Issues and checks the short-lived broker tokens displays (and in-process services) connect
 * with: HS256 JWTs over the server's secret key, one client id each, the account's rights as
 * EMQX's `acl` claim. The embedded broker trusts the claims for identity and client id and takes
 * rights from the account's current role (a role change applies at the next connect).
 */
export class TokenIssuer {
  constructor(private readonly key: Buffer, readonly ttlS: number, private readonly clock: () => number = Date.now) {
    if (key.length < 32) throw new Error('TokenIssuer: key must be at least 32 bytes');
  }

  issue(account: Account, clientId: string, rights: BrokerRights, ttlS = this.ttlS): IssuedToken {
    const nowMs = this.clock();
    const nowS = Math.floor(nowMs / 1000);
    // JWT times are whole seconds: round the expiry up so a token lives at least ttlS (a 1 s token
    // minted at x.999 s would otherwise expire 1 ms later).
    const expS = Math.ceil((nowMs + Math.max(1, Math.round(ttlS)) * 1000) / 1000);
    const claims: BrokerTokenClaims = {
      iss: TOKEN_ISSUER, aud: 'mqtt', sub: account.username, cid: clientId, role: account.role, tier: account.tier,
      unit: account.unitId, iat: nowS, exp: expS, jti: randomBytes(9).toString('base64url'),
      acl: { pub: rights.publish, sub: rights.subscribe },
    };
    return { token: signJwt(claims as unknown as Record<string, unknown>, this.key), expiresAtMs: claims.exp * 1000, claims };
  }

  /** The claims when `token` is ours, unexpired and for `username` and `clientId`; else the reason. */
  verify(token: string, username: string, clientId: string): { claims: BrokerTokenClaims } | { error: string } {
    const v = verifyJwt(token, this.key);
    if ('error' in v) return v;
    const c = v.claims as Partial<BrokerTokenClaims>;
    if (c.iss !== TOKEN_ISSUER || c.aud !== 'mqtt') return { error: 'token is not a broker token of this server' };
    if (typeof c.exp !== 'number' || c.exp * 1000 <= this.clock()) return { error: 'token expired' };
    if (c.sub !== username) return { error: `token is for "${String(c.sub)}", not "${username}"` };
    if (c.cid !== clientId) return { error: `token is for client id "${String(c.cid)}", not "${clientId}"` };
    return { claims: c as BrokerTokenClaims };
  }
}
