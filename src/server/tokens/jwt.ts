import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Compact JSON Web Tokens signed with HMAC-SHA256 (RFC 7519, alg HS256): the format EMQX's JWT
 * authenticator and mosquitto-go-auth's JWT backend check, so the same token works there.
 * Only HS256 is accepted on verify (no `alg: none`, no algorithm switching).
 */
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
/** A token longer than this is refused before any parsing (bytes). */
export const MAX_TOKEN_BYTES = 4096;

function sign(input: string, key: Buffer): Buffer {
  return createHmac('sha256', key).update(input).digest();
}

/** Signs `claims` (a JSON object) with `key`. */
export function signJwt(claims: Record<string, unknown>, key: Buffer): string {
  const body = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${body}.${sign(body, key).toString('base64url')}`;
}

/**
 * The claims of a token whose HS256 signature is valid for `key`, or a reason it is refused.
 * Expiry and audience are the caller's checks (see TokenIssuer).
 */
export function verifyJwt(token: string, key: Buffer): { claims: Record<string, unknown> } | { error: string } {
  if (token.length > MAX_TOKEN_BYTES) return { error: `token longer than ${MAX_TOKEN_BYTES} bytes` };
  const parts = token.split('.');
  if (parts.length !== 3) return { error: 'not a JWT (expected three dot-separated parts)' };
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
  } catch {
    return { error: 'JWT header is not JSON' };
  }
  if ((header as { alg?: unknown })?.alg !== 'HS256') return { error: 'JWT algorithm must be HS256' };
  const expected = sign(`${parts[0]}.${parts[1]}`, key);
  const got = Buffer.from(parts[2], 'base64url');
  if (got.length !== expected.length || !timingSafeEqual(got, expected)) return { error: 'bad signature' };
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) return { error: 'JWT claims are not an object' };
    return { claims };
  } catch {
    return { error: 'JWT claims are not JSON' };
  }
}
