import type { Fleet, Station, UnitKind } from '../../dispatch/Fleet';
import { planDispatch } from '../../dispatch/planDispatch';
import type { RouteResult } from '../../route/RouteResult';
import type { Router } from '../../route/Router';
import type { Incident } from './Incident';
import { requirementsFor, type SlaConfig } from './SlaConfig';

/** One vehicle a proposal suggests. */
export interface ProposedVehicle {
  vehicleId: string;
  kind: UnitKind;
  stationId: string;
  stationName: string;
  /** Travel time from its station to the scene on today's network (s). */
  etaS: number;
}

/** What the hub proposes for an incident (the operator confirms with a dispatch command). */
export interface DispatchProposal {
  incidentId: string;
  /** Vehicles per kind the SLA config asks for this type and severity. */
  requirements: Partial<Record<UnitKind, number>>;
  vehicles: ProposedVehicle[];
  /** Kinds no free, reachable vehicle could fill. */
  unfilled: Array<{ kind: UnitKind; missing: number }>;
}

/**
 * The dispatch code run for the hub: proposals from src/dispatch's min-cost assignment
 * (planDispatch) over the city's fleet with every busy vehicle left out, and the route a
 * dispatched vehicle drives (for its simulated position). Without a road network it proposes
 * nothing and vehicles are dispatched without a route (no ETA, no movement).
 */
export class IncidentDispatcher {
  private readonly stations: Map<string, Station>;
  private readonly vehicles: Map<string, Fleet['units'][number]>;

  constructor(readonly fleet: Fleet, private readonly router: Router | null, private readonly sla: SlaConfig) {
    this.stations = new Map(fleet.stations.map((s) => [s.id, s]));
    this.vehicles = new Map(fleet.units.map((u) => [u.id, u]));
  }

  vehicle(id: string): Fleet['units'][number] | undefined {
    return this.vehicles.get(id);
  }

  station(id: string): Station | undefined {
    return this.stations.get(id);
  }

  /** Free vehicles for the incident's requirements, by least total ETA; a reason when it cannot propose. */
  propose(incident: Incident, busy: ReadonlySet<string>): DispatchProposal | { refused: string } {
    if (!this.router) return { refused: 'the hub has no road network: choose vehicles by hand' };
    if (!this.fleet.units.length) return { refused: 'the city lists no vehicles' };
    const requirements = requirementsFor(this.sla, incident.type, incident.severity);
    const fleet: Fleet = { stations: this.fleet.stations, units: this.fleet.units.map((u) => ({ ...u, available: u.available && !busy.has(u.id) })) };
    const plan = planDispatch(this.router, fleet, [{ id: incident.id, lonLat: incident.lonLat, kind: incident.type, requirements }], { routes: false });
    return {
      incidentId: incident.id, requirements,
      vehicles: plan.assignments.map((a) => ({ vehicleId: a.unitId, kind: a.kind, stationId: a.stationId, stationName: this.stations.get(a.stationId)?.name ?? '', etaS: Math.round(a.etaS) })),
      unfilled: plan.unfilled.map((u) => ({ kind: u.kind, missing: u.missing })),
    };
  }

  /** The route a vehicle drives from its station to the scene, null without a network or a path. */
  route(vehicleId: string, to: [number, number]): RouteResult | null {
    const v = this.vehicles.get(vehicleId), s = v && this.stations.get(v.stationId);
    return s && this.router ? this.router.route(s.lonLat, to) : null;
  }
}
