import type { IncomingMessage } from 'node:http';
import type { Account } from '../server/accounts/Account';
import type { ApiRoute } from '../server/http/apiHandler';
import { Hub } from './Hub';
import type { HubOptions } from './HubOptions';
import { HistoryApi } from './http/HistoryApi';
import { HubHistory } from './store/HubHistory';
import { HubStore } from './store/HubStore';
import type { SqlClient } from './store/SqlClient';
import { UnitIndex } from '../signs/units/UnitIndex';

export interface HubServiceOptions extends Omit<HubOptions, 'store'> {
  /** The database (openPglite / openPostgres); null runs without a store. */
  sql: SqlClient | null;
  /** The logged-in person of an HTTP request, for the history API; omit to serve no history API. */
  sessionAccountOf?: (req: IncomingMessage) => Account | null;
}

/** A running hub with its store and history API. */
export interface HubService {
  hub: Hub;
  store: HubStore | null;
  history: HubHistory | null;
  /** The history API as a route for the feed's HTTP server, null without a store or sessions. */
  route: ApiRoute | null;
  /** Stops the hub (pending writes flushed), then closes the database. Safe twice. */
  stop(): Promise<void>;
}

/** Migrates the store, starts the hub (open alerts restored), and makes its history API. */
export async function startHubService(o: HubServiceOptions): Promise<HubService> {
  const store = o.sql ? await HubStore.open(o.sql, o.hubId) : null;
  const hub = new Hub({ ...o, store });
  await hub.start();
  const history = o.sql ? new HubHistory(o.sql) : null;
  const api = history && o.sessionAccountOf ? new HistoryApi({
    history, units: new UnitIndex(o.units), sensorIds: new Set(o.registry.sensors.map((s) => s.id)), cityUnitId: o.cityUnitId, accountOf: o.sessionAccountOf,
  }) : null;
  let stopped = false;
  return {
    hub, store, history, route: api ? (req, res) => api.handle(req, res) : null,
    async stop() {
      if (stopped) return;
      stopped = true;
      await hub.stop();
      await o.sql?.close();
    },
  };
}
