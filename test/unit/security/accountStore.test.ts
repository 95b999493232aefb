import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDataDir } from '../signs/feedTestKit';
import { AccountStore } from '../../../src/server/accounts/AccountStore';
import { hashPassword, parsePasswordHash, verifyPassword } from '../../../src/server/accounts/passwordHash';

const data = tempDataDir();
afterAll(() => data.remove());
const roles = new Set(['viewer', 'operator', 'sensor']);

describe('AccountStore', () => {
  it('keeps scrypt hashes only, in a file only its owner reads, and verifies passwords', async () => {
    const store = new AccountStore(data.dir, roles);
    await store.add({ username: 'zhang.wei', displayName: 'Zhang Wei', kind: 'person', role: 'operator', tier: 'street', unitId: '510104001', password: 'correct horse' });
    const text = readFileSync(store.path, 'utf8');
    expect(text).not.toContain('correct horse');
    expect(parsePasswordHash(store.get('zhang.wei')!.passwordHash!)).toMatchObject({ N: 32768, r: 8, p: 1 });
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    expect(statSync(data.dir).mode & 0o077).toBe(0);
    expect(await store.verify('zhang.wei', 'correct horse')).toMatchObject({ username: 'zhang.wei', tier: 'street' });
    expect(await store.verify('zhang.wei', 'Correct horse')).toBeNull();
    expect(await store.verify('nobody', 'correct horse')).toBeNull();
  });

  it('re-reads the file when it changes, and names the file and field of a bad one', async () => {
    const store = new AccountStore(data.dir, roles);
    const other = new AccountStore(data.dir, roles);
    await other.add({ username: 'svc', displayName: 'svc', kind: 'service', role: 'sensor', tier: 'city', unitId: '510100', password: null });
    expect(store.get('svc')?.kind).toBe('service');
    await expect(store.add({ username: 'Bad:Name', displayName: '', kind: 'person', role: 'viewer', tier: 'city', unitId: 'x', password: 'p' })).rejects.toThrow(/username "Bad:Name"/);
    writeFileSync(store.path, JSON.stringify({ version: 1, accounts: [{ username: 'a1', kind: 'person', role: 'viewer', tier: 'city', unitId: '5101/#', passwordHash: await hashPassword('x') }] }));
    expect(() => new AccountStore(data.dir, roles)).toThrow(/accounts\.json: accounts\[0\]\.unitId: expected a unit id/);
  });

  it('verifies a hash written with other parameters', async () => {
    expect(await verifyPassword('pw', await hashPassword('pw', { N: 1024, r: 8, p: 1 }))).toBe(true);
    expect(await verifyPassword('pw', 'scrypt$99999999$8$1$c2FsdA==$x')).toBe(false);
  });
});
