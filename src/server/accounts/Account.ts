/**
 * An account of the twin: a person who logs in on a display (viewer, operator) or a service that
 * connects to the broker (sensor gateways, the simulator, the hub). Rights on the broker come from
 * the account's role (config/signs/feed.json `roles`); the tier and unit say which part of the city
 * the account answers for (city, district or street tier of the operations centres).
 */
export type AccountKind = 'person' | 'service';
export type Tier = 'city' | 'district' | 'street';
export const TIERS: readonly Tier[] = ['city', 'district', 'street'];

export interface Account {
  /** Log-in name: lower-case letters, digits, '.', '_' and '-' (no ':' — it separates the client id). */
  username: string;
  /** Shown on the display ("Zhang Wei, city duty officer"). */
  displayName: string;
  kind: AccountKind;
  /** A role named in the feed config's `roles`. */
  role: string;
  tier: Tier;
  /** The spatial unit the account answers for (the city, a district or a street id). */
  unitId: string;
  /**
   * scrypt hash (see passwordHash.ts), or null: a service without a password connects only with a
   * token minted by the server that runs it.
   */
  passwordHash: string | null;
}

/** What the server tells a display about the person logged in (no secret). */
export type PublicAccount = Pick<Account, 'username' | 'displayName' | 'role' | 'tier' | 'unitId'>;

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/;

export function publicAccount(a: Account): PublicAccount {
  return { username: a.username, displayName: a.displayName, role: a.role, tier: a.tier, unitId: a.unitId };
}
