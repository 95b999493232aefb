import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDataDir } from '../../../test/unit/signs/feedTestKit';
import { UsageError } from '../args';
import { run } from './accounts';

const data = tempDataDir();
afterAll(() => data.remove());
const cli = (...args: string[]) => run([...args, '--data', data.dir]) as Promise<Record<string, unknown>>;

describe('accounts command', () => {
  it('adds a person with a generated password (printed once, stored hashed), lists, mints a token, removes', async () => {
    const added = await cli('add', 'li.na', '--role', 'operator', '--tier', 'district', '--unit', '510104', '--name', 'Li Na');
    expect(added).toMatchObject({ username: 'li.na', role: 'operator', tier: 'district', kind: 'person' });
    expect(String(added.password)).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(readFileSync(join(data.dir, 'accounts.json'), 'utf8')).not.toContain(String(added.password));
    expect(await cli('list')).toEqual([{ username: 'li.na', displayName: 'Li Na', kind: 'person', role: 'operator', tier: 'district', unitId: '510104', login: 'password' }]);
    const token = await cli('token', 'li.na', '--client', 'tool', '--ttl', '60');
    expect(token).toMatchObject({ username: 'li.na', clientId: 'li.na:tool' });
    expect(String(token.password).split('.')).toHaveLength(3);
    expect(await cli('remove', 'li.na')).toEqual({ removed: 'li.na' });
  });

  it('refuses bad input naming what it expects', async () => {
    await expect(cli('add', 'x1', '--role', 'viewer', '--tier', 'planet', '--unit', '1')).rejects.toThrow(new UsageError('--tier expects city|district|street, got "planet"'));
    await expect(cli('add', 'x1', '--role', 'king', '--tier', 'city', '--unit', '1')).rejects.toThrow(/role "king": expected one of viewer\|operator\|sensor/);
    await expect(cli('passwd', 'ghost')).rejects.toThrow(/no account "ghost"/);
    await expect(cli('fly')).rejects.toThrow(UsageError);
  });
});
