import type { UnitKind } from '../../dispatch/Fleet';
import type { RouteResult } from '../../route/RouteResult';

/** A dispatched vehicle as displays draw it (in the `hub/<city>/vehicles` message). */
export interface VehiclePosition {
  vehicleId: string;
  kind: UnitKind;
  incidentId: string;
  /** [lonDeg, latDeg] now, along its route. */
  lonLat: [number, number];
  /** Direction of travel, degrees clockwise from north (0 when standing). */
  headingDeg: number;
  /** 'en_route' while driving, 'on_scene' once arrived. */
  state: 'en_route' | 'on_scene';
  /** When it left and when it arrives (epoch ms, simulated time as the hub's clock reads it). */
  departedAtMs: number;
  etaMs: number;
  /** Share of the route driven, 0..1. */
  progress: number;
}

/** The retained `hub/<city>/vehicles` message. */
export interface VehiclesMessage {
  timeMs: number;
  vehicles: VehiclePosition[];
}

interface Trip {
  vehicleId: string;
  kind: UnitKind;
  incidentId: string;
  route: RouteResult;
  departedAtMs: number;
  arrived: boolean;
}

const DEG = Math.PI / 180;

/**
 * Simulated movement of dispatched vehicles along their routes: a vehicle at time t is where the
 * route's per-vertex times (cumulativeS, sped up by `speedup`) put it, so positions are exact for
 * any clock (tests step a fake one) and need nothing stored: after a restart the hub rebuilds each
 * trip from the assignment's time and the same route. `step` reports the vehicles that arrived.
 */
export class VehicleMotion {
  private readonly trips = new Map<string, Trip>();

  constructor(private readonly speedup = 1) {}

  get size(): number {
    return this.trips.size;
  }

  start(vehicleId: string, kind: UnitKind, incidentId: string, route: RouteResult, departedAtMs: number, arrived = false): void {
    this.trips.set(vehicleId, { vehicleId, kind, incidentId, route, departedAtMs, arrived });
  }

  /** Stops following a vehicle (released); true when it was followed. */
  stop(vehicleId: string): boolean {
    return this.trips.delete(vehicleId);
  }

  /** Vehicles that reached the scene since the last call, as [vehicleId, incidentId]. */
  arrivals(nowMs: number): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    for (const t of this.trips.values()) {
      if (!t.arrived && nowMs >= this.etaMs(t)) { t.arrived = true; out.push([t.vehicleId, t.incidentId]); }
    }
    return out;
  }

  /** Every followed vehicle's position now. */
  message(nowMs: number): VehiclesMessage {
    return { timeMs: nowMs, vehicles: [...this.trips.values()].map((t) => this.position(t, nowMs)) };
  }

  private etaMs(t: Trip): number {
    return t.departedAtMs + (t.route.seconds * 1000) / this.speedup;
  }

  private position(t: Trip, nowMs: number): VehiclePosition {
    const c = t.route.coordsLonLat, cum = t.route.cumulativeS, total = t.route.seconds;
    const s = Math.min(total, Math.max(0, ((nowMs - t.departedAtMs) / 1000) * this.speedup));
    let k = 0;
    while (k < cum.length - 2 && cum[k + 1] <= s) k++;
    const a = c[k], b = c[Math.min(k + 1, c.length - 1)];
    const span = cum[Math.min(k + 1, cum.length - 1)] - cum[k];
    const f = span > 0 ? Math.min(1, (s - cum[k]) / span) : 1;
    const lonLat: [number, number] = [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
    const heading = a[0] === b[0] && a[1] === b[1] ? 0 : (Math.atan2((b[0] - a[0]) * Math.cos(a[1] * DEG), b[1] - a[1]) / DEG + 360) % 360;
    const arrived = s >= total;
    return {
      vehicleId: t.vehicleId, kind: t.kind, incidentId: t.incidentId, lonLat: arrived ? c[c.length - 1] : lonLat, headingDeg: Math.round(heading),
      state: arrived ? 'on_scene' : 'en_route', departedAtMs: t.departedAtMs, etaMs: Math.round(this.etaMs(t)), progress: total > 0 ? s / total : 1,
    };
  }
}
