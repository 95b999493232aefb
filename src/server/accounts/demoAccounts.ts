import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { writePrivateFile } from '../dataDir';
import type { AccountStore, NewAccount } from './AccountStore';

/** A random password of 16 letters and digits (~95 bits). */
export function randomPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY345679';
  return Array.from(randomBytes(16), (b) => alphabet[b % alphabet.length]).join('');
}

/**
 * On a data folder without people accounts, creates the demo's: a city duty operator and a
 * city viewer, with random passwords written to `<dataDir>/initial-passwords.txt` (0600). Returns
 * that file's path when it created them, else null. Nobody's password is fixed in the code.
 */
export async function ensureDemoAccounts(store: AccountStore, dataDir: string, cityUnitId: string): Promise<string | null> {
  if (store.list().some((a) => a.kind === 'person')) return null;
  const people: NewAccount[] = [
    { username: 'operator', displayName: 'City duty operator', kind: 'person', role: 'operator', tier: 'city', unitId: cityUnitId, password: randomPassword() },
    { username: 'viewer', displayName: 'City viewer', kind: 'person', role: 'viewer', tier: 'city', unitId: cityUnitId, password: randomPassword() },
  ];
  for (const p of people) await store.add(p);
  const path = join(dataDir, 'initial-passwords.txt');
  const lines = people.map((p) => `${p.username}\t${p.password}\t(${p.role}, ${p.tier} ${p.unitId})`);
  writePrivateFile(path, `# Rongcheng Twin: first log-in accounts. Change the passwords and delete this file.\n${lines.join('\n')}\n`);
  return path;
}
