import { parsePasswordHash } from './passwordHash';
import { TIERS, USERNAME_PATTERN, type Account, type AccountKind, type Tier } from './Account';

type Obj = Record<string, unknown>;

function bad(source: string, path: string, expected: string, got: unknown): never {
  throw new Error(`${source}: ${path}: expected ${expected}, got ${JSON.stringify(got) ?? 'nothing'}`);
}

function text(o: Obj, k: string, source: string, path: string): string {
  if (typeof o[k] !== 'string' || !(o[k] as string)) bad(source, `${path}.${k}`, 'a non-empty string', o[k]);
  return o[k] as string;
}

/** Validates one account record; `roles` are the role names the feed config defines. */
export function parseAccount(v: unknown, source: string, path: string, roles: ReadonlySet<string>): Account {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) bad(source, path, 'an account object', v);
  const o = v as Obj;
  const username = text(o, 'username', source, path);
  if (!USERNAME_PATTERN.test(username)) bad(source, `${path}.username`, 'lower-case letters, digits, . _ - (2-40 characters)', username);
  const kind = o.kind as AccountKind;
  if (kind !== 'person' && kind !== 'service') bad(source, `${path}.kind`, '"person" or "service"', o.kind);
  const role = text(o, 'role', source, path);
  if (!roles.has(role)) bad(source, `${path}.role`, `one of ${[...roles].join('|')}`, role);
  const tier = o.tier as Tier;
  if (!TIERS.includes(tier)) bad(source, `${path}.tier`, TIERS.join('|'), o.tier);
  const hash = o.passwordHash;
  if (hash !== null && (typeof hash !== 'string' || !parsePasswordHash(hash))) bad(source, `${path}.passwordHash`, 'an scrypt hash (scrypt$N$r$p$salt$hash) or null', '(not shown)');
  if (hash === null && kind === 'person') bad(source, `${path}.passwordHash`, 'an scrypt hash (a person logs in with a password)', null);
  const unitId = text(o, 'unitId', source, path);
  // The unit id is put into topic filters ({unit}): no MQTT wildcard or level separator.
  if (!/^[A-Za-z0-9_.-]{1,40}$/.test(unitId)) bad(source, `${path}.unitId`, 'a unit id of letters, digits, . _ -', unitId);
  return {
    username, kind, role, tier, unitId, displayName: typeof o.displayName === 'string' && o.displayName ? o.displayName : username,
    passwordHash: hash as string | null,
  };
}

/** Validates an accounts file (`{ version: 1, accounts: [...] }`); throws naming the file and field. */
export function parseAccounts(data: unknown, source: string, roles: ReadonlySet<string>): Account[] {
  if (typeof data !== 'object' || data === null || (data as Obj).version !== 1) bad(source, 'version', '1', (data as Obj | null)?.version);
  const list = (data as Obj).accounts;
  if (!Array.isArray(list)) bad(source, 'accounts', 'an array', list);
  const seen = new Set<string>();
  return list.map((a, i) => {
    const account = parseAccount(a, source, `accounts[${i}]`, roles);
    if (seen.has(account.username)) bad(source, `accounts[${i}].username`, 'a name used once', account.username);
    seen.add(account.username);
    return account;
  });
}
