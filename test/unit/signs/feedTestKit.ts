import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmbeddedBrokerOptions } from '../../../src/feed/EmbeddedBroker';
import { loadFeedConfig } from '../../../src/feed/config/parseFeedConfig';
import { Authority } from '../../../src/server/Authority';

/** Credentials for one MQTT connection; a fresh one per call (client id suffix chosen by the caller). */
export type CredentialsFor = (suffix: string) => { username: string; password: string; clientId: string };

/** The accounts a broker-agnostic scenario needs: a read-only display, a sensor publisher, an operator. */
export interface TestAccounts {
  display: CredentialsFor;
  sensor: CredentialsFor;
  operator: CredentialsFor;
}

export const TEST_CONFIG = loadFeedConfig();

/** A private temp folder; call the returned function to delete it. */
export function tempDataDir(prefix = 'rc-data-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * An Authority (role filters' {city} = `cityId`) over a fresh data folder with the accounts tests use: people 'viewer' and
 * 'operator' (passwords returned), the token-only service 'sensor', and the service 'gateway'
 * (role sensor) that connects with a password.
 */
export async function testAuthority(dir: string, ttlS = TEST_CONFIG.tokens.ttlS, cityId = 'demo'): Promise<{ authority: Authority; passwords: Record<string, string>; accounts: TestAccounts }> {
  const authority = new Authority({ dataDir: dir, roles: TEST_CONFIG.roles, cityId, tokenTtlS: ttlS });
  const passwords = { viewer: 'viewer-pass-1', operator: 'operator-pass-1', gateway: 'gateway-pass-1' };
  const base = { tier: 'city' as const, unitId: '510100' };
  if (!authority.accounts.get('viewer')) {
    await authority.accounts.add({ ...base, username: 'viewer', displayName: 'Test viewer', kind: 'person', role: 'viewer', password: passwords.viewer });
    await authority.accounts.add({ ...base, username: 'operator', displayName: 'Test operator', kind: 'person', role: 'operator', password: passwords.operator });
    await authority.accounts.add({ ...base, username: 'sensor', displayName: 'Simulator', kind: 'service', role: 'sensor', password: null });
    await authority.accounts.add({ ...base, username: 'gateway', displayName: 'Gateway', kind: 'service', role: 'sensor', password: passwords.gateway });
  }
  const creds = (username: string): CredentialsFor => (suffix) => authority.credentials(username, suffix);
  return { authority, passwords, accounts: { display: creds('viewer'), sensor: creds('sensor'), operator: creds('operator') } };
}

/** EmbeddedBroker options on the given ports with the shipped limits and origin policy. */
export function brokerOptions(authority: Authority, ports: { tcpPort: number; wsPort: number }, persistence?: unknown): EmbeddedBrokerOptions {
  return {
    ...ports, authority, limits: TEST_CONFIG.limits, persistence,
    origins: { allowedOrigins: TEST_CONFIG.http.allowedOrigins, allowedHosts: TEST_CONFIG.http.allowedHosts },
  };
}
