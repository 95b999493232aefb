import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ensurePrivateDir, writePrivateFile } from './dataDir';

/** Server secrets kept in `<dataDir>/secrets.json` (0600). */
export interface ServerSecrets {
  /** HMAC-SHA256 key that signs broker tokens and session cookies (32 bytes). */
  tokenKey: Buffer;
}

const KEY_BYTES = 32;

/** Loads the data folder's secrets, creating them (random) on first use. Throws naming the file. */
export function loadOrCreateSecrets(dataDir: string): ServerSecrets {
  const path = join(dataDir, 'secrets.json');
  if (!existsSync(path)) {
    ensurePrivateDir(dataDir);
    writePrivateFile(path, JSON.stringify({ version: 1, tokenKey: randomBytes(KEY_BYTES).toString('base64') }, null, 2) + '\n');
  }
  let data: { version?: unknown; tokenKey?: unknown };
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: cannot read the server secrets (${(err as Error).message})`);
  }
  const key = typeof data.tokenKey === 'string' ? Buffer.from(data.tokenKey, 'base64') : Buffer.alloc(0);
  if (data.version !== 1 || key.length < KEY_BYTES) throw new Error(`${path}: tokenKey: expected ${KEY_BYTES} random bytes in base64 (delete the file to make a new one; every token is then void)`);
  return { tokenKey: key };
}
