import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** String values under secret-looking keys in a JSON document. */
function secretValues(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => secretValues(x, out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (typeof x === 'string' && /pass|secret|token|key|salt|hash/i.test(k) && x.length >= 6) out.push(x);
      else secretValues(x, out);
    }
  }
  return out;
}

/** Every password and key configured anywhere this run can see: config/, the test data folder, the local .data/. */
function configuredSecrets(): string[] {
  const found: string[] = [];
  const jsonIn = (dir: string) => (existsSync(dir) ? files(dir).filter((f) => f.endsWith('.json')) : []);
  for (const f of [...jsonIn(join(root, 'config')), ...jsonIn(inject('dataDir')), ...jsonIn(join(root, '.data'))]) {
    secretValues(JSON.parse(readFileSync(f, 'utf8')), found);
  }
  for (const l of Object.values(inject('logins'))) found.push(l.password);
  const initial = join(root, '.data/initial-passwords.txt');
  if (existsSync(initial)) for (const line of readFileSync(initial, 'utf8').split('\n')) if (line && !line.startsWith('#')) found.push(line.split('\t')[1]);
  // The demo passwords config/signs/feed.json held before the accounts moved to the data folder.
  found.push('display-demo', 'sensor-demo', 'operator-demo');
  return [...new Set(found)];
}

describe('the built bundle (issue 14 item 1)', () => {
  it('holds no configured password, key or hash, and nothing of config/', () => {
    const secrets = configuredSecrets();
    expect(secrets.length).toBeGreaterThanOrEqual(8);
    const dist = files(join(root, 'dist')).filter((f) => !f.includes(`${join('dist', 'cesium')}`));
    const leaks: string[] = [];
    for (const f of dist) {
      const text = readFileSync(f, 'latin1');
      for (const s of secrets) if (text.includes(s)) leaks.push(`${f.slice(root.length + 1)} contains "${s.slice(0, 4)}…"`);
      if (text.includes('maxConnectBytes') || text.includes('allowedOrigins')) leaks.push(`${f.slice(root.length + 1)} contains config/signs/feed.json`);
    }
    console.log(`bundle secrets: ${secrets.length} configured secrets checked against ${dist.length} files of dist/`);
    expect(leaks).toEqual([]);
  });
});
