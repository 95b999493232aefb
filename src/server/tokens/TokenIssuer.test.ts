import { describe, expect, it } from 'vitest';
import type { Account } from '../accounts/Account';
import { signJwt, verifyJwt } from './jwt';
import { TokenIssuer } from './TokenIssuer';

const key = Buffer.alloc(32, 7);
const account: Account = { username: 'ops', displayName: 'Ops', kind: 'person', role: 'operator', tier: 'district', unitId: '510104', passwordHash: null };
const rights = { publish: ['control/#'], subscribe: ['city/#'], retain: [] };

describe('TokenIssuer', () => {
  it('issues an HS256 JWT for one account and client id, with EMQX-style acl claims', () => {
    let now = 1_800_000_000_000;
    const issuer = new TokenIssuer(key, 900, () => now);
    const t = issuer.issue(account, 'ops:tab1', rights);
    expect(t.expiresAtMs).toBe(now + 900_000);
    expect(t.claims).toMatchObject({ sub: 'ops', cid: 'ops:tab1', role: 'operator', tier: 'district', unit: '510104', acl: { pub: ['control/#'], sub: ['city/#'] } });
    expect(JSON.parse(Buffer.from(t.token.split('.')[0], 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(issuer.verify(t.token, 'ops', 'ops:tab1')).toHaveProperty('claims');
    expect(issuer.verify(t.token, 'other', 'ops:tab1')).toEqual({ error: 'token is for "ops", not "other"' });
    expect(issuer.verify(t.token, 'ops', 'ops:tab2')).toEqual({ error: 'token is for client id "ops:tab1", not "ops:tab2"' });
    now += 900_000;
    expect(issuer.verify(t.token, 'ops', 'ops:tab1')).toEqual({ error: 'token expired' });
  });

  it('rounds the whole-second expiry up, so a 1 s token minted at x.999 s still lives 1 s', () => {
    let now = 1_800_000_000_999;
    const issuer = new TokenIssuer(key, 900, () => now);
    const t = issuer.issue(account, 'ops:tab1', rights, 1);
    expect(t.expiresAtMs - now).toBeGreaterThanOrEqual(1000);
    now += 999;
    expect(issuer.verify(t.token, 'ops', 'ops:tab1')).toHaveProperty('claims');
    now = t.expiresAtMs;
    expect(issuer.verify(t.token, 'ops', 'ops:tab1')).toEqual({ error: 'token expired' });
  });

  it('refuses other keys, alg none, tampered claims and oversized tokens', () => {
    const issuer = new TokenIssuer(key, 900);
    const t = issuer.issue(account, 'ops:tab1', rights).token;
    expect(new TokenIssuer(Buffer.alloc(32, 8), 900).verify(t, 'ops', 'ops:tab1')).toEqual({ error: 'bad signature' });
    const [, body] = t.split('.');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${body}.`;
    expect(verifyJwt(none, key)).toEqual({ error: 'JWT algorithm must be HS256' });
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forged = t.split('.')[0] + '.' + Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url') + '.' + t.split('.')[2];
    expect(verifyJwt(forged, key)).toEqual({ error: 'bad signature' });
    expect(verifyJwt('x'.repeat(5000), key)).toEqual({ error: 'token longer than 4096 bytes' });
    expect(verifyJwt(signJwt({ a: 1 }, key), key)).toEqual({ claims: { a: 1 } });
  });
});
