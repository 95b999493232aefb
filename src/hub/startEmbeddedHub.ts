import { join } from 'node:path';
import type { Feed } from '../feed/startFeed';
import type { RuleConfig } from '../signs/rules/SignsRule';
import type { UnitRecord } from '../signs/units/UnitIndex';
import type { IncidentSetup } from './incidents/incidentSetup';
import { openPglite } from './store/openSql';
import { startHubService, type HubService } from './startHub';

export interface EmbeddedHubOptions {
  feed: Feed;
  /** The server's data folder: the hub's PGlite database goes to `<dataDir>/hub-pglite`. */
  dataDir: string;
  cityId: string;
  cityUnitId: string;
  units: readonly UnitRecord[];
  rules: RuleConfig;
  /** Indicator period (ms), default 1000. */
  publishMs?: number;
  /** Incidents (SLA config, places, fleet and roads: incidentSetup); null or absent: none. */
  incidents?: IncidentSetup | null;
}

/**
 * The hub `npm start` runs beside the embedded broker: one hub for the whole city as the 'hub'
 * service account (a token from this process), PGlite under the data folder, its history API on
 * the feed's HTTP port (`/api/hub/...`, proxied like `/api`), announced to displays in their session.
 */
export async function startEmbeddedHub(o: EmbeddedHubOptions): Promise<HubService> {
  const { feed } = o, authority = feed.authority;
  if (!authority.accounts.get('hub')) {
    await authority.accounts.add({ username: 'hub', displayName: 'Operations hub', kind: 'service', role: 'hub', tier: 'city', unitId: o.cityUnitId, password: null });
  }
  const sql = await openPglite(join(o.dataDir, 'hub-pglite'));
  try {
    const service = await startHubService({
      hubId: 'embedded', cityId: o.cityId, cityUnitId: o.cityUnitId, districts: null, registry: feed.registry, units: o.units, rules: o.rules,
      intervalScale: feed.intervalScale, publishMs: o.publishMs, sql, incidents: o.incidents ?? null,
      broker: { url: feed.urls.tcp, username: 'hub', password: () => authority.credentials('hub', 'embedded').password, clientId: 'hub:embedded' },
      accountOf: (u) => authority.accounts.get(u), sessionAccountOf: (req) => feed.session.accountOf(req),
    });
    if (service.route) feed.addRoute(service.route);
    feed.session.setHub({ cityId: o.cityId, apiBase: '/api/hub' });
    return service;
  } catch (err) {
    await sql.close();
    throw err;
  }
}
