import { readFileSync } from 'node:fs';
import { parseArgs, requireFlag, UsageError, type ParsedArgs } from '../args';
import { loadFeedConfig } from '../../feed/config/parseFeedConfig';
import { TIERS, type Tier } from '../../server/accounts/Account';
import { randomPassword } from '../../server/accounts/demoAccounts';
import { Authority } from '../../server/Authority';
import { DEFAULT_DATA_DIR } from '../../server/dataDir';
import { numberFlag } from './numberFlag';
import { cityFlag } from '../cityFlag';
import { openCityPackage } from '../../pipeline/package/openCityPackage';

const USAGE = 'accounts list | add NAME --role ROLE --tier city|district|street --unit ID [--name TEXT] [--service] [--password-stdin]'
  + ' | passwd NAME [--password-stdin] | remove NAME | token NAME [--client SUFFIX] [--ttl SECONDS] [--city NAME]   (all take [--data DIR])';

function passwordOf(p: ParsedArgs): { password: string; generated: boolean } {
  if (p.flags.get('password-stdin') !== true) return { password: randomPassword(), generated: true };
  const password = readFileSync(0, 'utf8').replace(/\r?\n$/, '');
  if (password.length < 10) throw new UsageError('--password-stdin: expected a password of at least 10 characters on stdin');
  return { password, generated: false };
}

function nameOf(p: ParsedArgs): string {
  const name = p.positional[1];
  if (!name) throw new UsageError(`missing NAME; usage: ${USAGE}`);
  return name;
}

/**
 * `accounts ...`: manages the accounts file of the server's data folder (default .data/): people
 * who log in on displays and services that connect to the broker. Passwords are generated (printed
 * once) or read from stdin, and stored as scrypt hashes only. `token` prints a broker token for
 * tools (e.g. mosquitto_pub -u NAME -P TOKEN -i CLIENTID to control/anomaly); its topics are the
 * demo city's, or with `--city NAME` that package's (its name, as the feed fills {city}).
 */
export async function run(args: string[]): Promise<unknown> {
  const p = parseArgs(args);
  const dataFlag = p.flags.get('data');
  if (dataFlag === true) throw new UsageError('--data expects a folder');
  const cfg = loadFeedConfig();
  // A token's rights fill {city} with the package's name, as the feed does: a scaled city's topics are its own.
  const cityId = p.flags.has('city') ? (await openCityPackage(cityFlag(p))).name : 'demo';
  const authority = new Authority({ dataDir: dataFlag ?? DEFAULT_DATA_DIR, roles: cfg.roles, cityId, tokenTtlS: cfg.tokens.ttlS });
  const store = authority.accounts;
  switch (p.positional[0]) {
    case 'list':
      return store.list().map(({ passwordHash, ...a }) => ({ ...a, login: passwordHash ? 'password' : 'token only' }));
    case 'add': {
      const tier = requireFlag(p, 'tier', 'city|district|street') as Tier;
      if (!TIERS.includes(tier)) throw new UsageError(`--tier expects city|district|street, got "${tier}"`);
      const service = p.flags.get('service') === true;
      const { password, generated } = passwordOf(p);
      const name = p.flags.get('name');
      const a = await store.add({
        username: nameOf(p), displayName: typeof name === 'string' ? name : nameOf(p), kind: service ? 'service' : 'person',
        role: requireFlag(p, 'role', `one of ${Object.keys(cfg.roles).join('|')}`), tier, unitId: requireFlag(p, 'unit', 'the unit id the account answers for'), password,
      });
      return { username: a.username, role: a.role, tier: a.tier, unitId: a.unitId, kind: a.kind, ...(generated ? { password } : {}) };
    }
    case 'passwd': {
      const { password, generated } = passwordOf(p);
      await store.setPassword(nameOf(p), password);
      return { username: nameOf(p), ...(generated ? { password } : {}) };
    }
    case 'remove':
      if (!store.remove(nameOf(p))) throw new Error(`no account "${nameOf(p)}" in ${store.path}`);
      return { removed: nameOf(p) };
    case 'token': {
      const client = p.flags.get('client');
      const c = authority.credentials(nameOf(p), typeof client === 'string' ? client : 'cli', numberFlag(p, 'ttl', cfg.tokens.ttlS, 10, 's'));
      return { ...c, expiresAt: new Date(c.expiresAtMs).toISOString() };
    }
    default:
      throw new UsageError(`usage: ${USAGE}`);
  }
}
