import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Account } from '../../server/accounts/Account';
import { HttpError, sendJson } from '../../server/http/httpJson';
import { SENSOR_KINDS } from '../../signs/schema/sensorKinds';
import { UNIT_LEVELS, type UnitIndex } from '../../signs/units/UnitIndex';
import { districtOf } from '../state/DistrictTiers';
import { HISTORY_RANGES, type HistoryRange, type HubHistory } from '../store/HubHistory';

export interface HistoryApiOptions {
  history: HubHistory;
  units: UnitIndex;
  /** Sensor ids of the city. */
  sensorIds: ReadonlySet<string>;
  cityUnitId: string;
  /** The logged-in person of a request (the session API's), null when nobody is. */
  accountOf: (req: IncomingMessage) => Account | null;
  clock?: () => number;
}

function range(url: URL): HistoryRange {
  const r = url.searchParams.get('range') ?? '1h';
  if (!(r in HISTORY_RANGES)) throw new HttpError(400, `range: expected one of ${Object.keys(HISTORY_RANGES).join('|')}, got "${r}"`);
  return r as HistoryRange;
}

/**
 * The hub's history over HTTP, same origin as the page (proxied like the session API), for
 * logged-in people only:
 * - `GET /api/hub/sensors/<id>/series?range=1h|24h|7d`
 * - `GET /api/hub/units/<id>/series?kind=<kind>&range=...` (the unit's indicator)
 * - `GET /api/hub/units/<id>/alerts?range=...` (alerts raised there, with their changes)
 * - `GET /api/hub/state?at=<epoch ms>` (indicators and open alerts as they were: replay)
 */
export class HistoryApi {
  constructor(private readonly o: HistoryApiOptions) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith('/api/hub/')) return false;
    if (req.method !== 'GET') throw new HttpError(405, 'GET only');
    if (!this.o.accountOf(req)) throw new HttpError(401, 'not logged in');
    const parts = url.pathname.slice('/api/hub/'.length).split('/').map((p) => decodeURIComponent(p));
    const now = (this.o.clock ?? Date.now)();
    if (parts[0] === 'sensors' && parts.length === 3 && parts[2] === 'series') {
      if (!this.o.sensorIds.has(parts[1])) throw new HttpError(404, `no sensor "${parts[1]}"`);
      sendJson(res, 200, { sensorId: parts[1], ...(await this.o.history.sensorSeries(parts[1], range(url), now)) });
    } else if (parts[0] === 'units' && parts.length === 3 && parts[2] === 'series') {
      const { unitId, tier, districtId } = this.unit(parts[1]);
      const kind = url.searchParams.get('kind') ?? '';
      if (!(SENSOR_KINDS as readonly string[]).includes(kind)) throw new HttpError(400, `kind: expected one of ${SENSOR_KINDS.join('|')}, got "${kind}"`);
      sendJson(res, 200, { unitId, kind, ...(await this.o.history.unitSeries(unitId, tier, districtId, kind, range(url), now)) });
    } else if (parts[0] === 'units' && parts.length === 3 && parts[2] === 'alerts') {
      const { unitId } = this.unit(parts[1]);
      const from = now - HISTORY_RANGES[range(url)].ms;
      sendJson(res, 200, { unitId, alerts: await this.o.history.unitAlerts(unitId === this.o.cityUnitId ? '*' : unitId, from) });
    } else if (parts[0] === 'state' && parts.length === 1) {
      const at = Number(url.searchParams.get('at'));
      if (!Number.isFinite(at) || at > now + 60_000 || at < now - 8 * 86_400_000) throw new HttpError(400, 'at: expected epoch milliseconds within the last 7 days');
      sendJson(res, 200, await this.o.history.stateAt(at));
    } else throw new HttpError(404, 'not found');
    return true;
  }

  private unit(unitId: string): { unitId: string; tier: string; districtId: string } {
    const u = this.o.units.indexOf(unitId);
    if (u < 0) throw new HttpError(404, `no unit "${unitId}"`);
    return { unitId, tier: UNIT_LEVELS[this.o.units.levels[u]], districtId: districtOf(this.o.units, unitId) ?? '' };
  }
}
