import type { UnitKind } from '../../dispatch/Fleet';
import { pointAlong, type PointAlong, type TripLeg } from './TripLeg';

/** A dispatched vehicle as displays draw it (in the `hub/<city>/vehicles` message). */
export interface VehiclePosition {
  vehicleId: string;
  kind: UnitKind;
  incidentId: string;
  /** [lonDeg, latDeg] now, along its route. */
  lonLat: [number, number];
  /** Direction of travel, degrees clockwise from north (0 when standing). */
  headingDeg: number;
  /** 'en_route' while driving, 'on_scene' once arrived, 'stopped' when road closures left it no route. */
  state: 'en_route' | 'on_scene' | 'stopped';
  /** When it left, when its current leg began (the dispatch, or its latest re-route), and when it arrives (epoch ms, simulated time as the hub's clock reads it; etaMs null while stopped). */
  departedAtMs: number;
  legFromMs: number;
  etaMs: number | null;
  /** Share of the current leg driven, 0..1. */
  progress: number;
}

/** The retained `hub/<city>/vehicles` message. */
export interface VehiclesMessage {
  timeMs: number;
  vehicles: VehiclePosition[];
}

const scratch: PointAlong = { k: 0, lonLat: [0, 0], headingDeg: 0 };

/** A vehicle followed from its dispatch until it is released. */
export interface Trip {
  vehicleId: string;
  kind: UnitKind;
  incidentId: string;
  departedAtMs: number;
  leg: TripLeg;
  arrived: boolean;
}

/**
 * Simulated movement of dispatched vehicles along their routes: a vehicle at time t is where its
 * leg's per-vertex times (cumulativeS, sped up by `speedup`) put it, so positions are exact for
 * any clock (tests step a fake one). A trip is one leg from its station, and a new leg each time
 * a road closure re-routes it (from where it was then); the hub stores each trip's latest leg, so
 * after a restart every vehicle is where it would have been. `arrivals` reports the vehicles that
 * arrived.
 */
export class VehicleMotion {
  private readonly trips = new Map<string, Trip>();

  constructor(readonly speedup = 1) {}

  get size(): number {
    return this.trips.size;
  }

  start(t: Omit<Trip, 'arrived' | 'leg'>, leg: TripLeg, arrived = false): void {
    this.trips.set(t.vehicleId, { ...t, leg, arrived });
  }

  /** Stops following a vehicle (released); true when it was followed. */
  stop(vehicleId: string): boolean {
    return this.trips.delete(vehicleId);
  }

  /** The followed trips (read them; change legs through `reroute`). */
  all(): IterableIterator<Readonly<Trip>> {
    return this.trips.values();
  }

  /** Gives a vehicle a new leg (a re-route, or no route: stopped). */
  reroute(vehicleId: string, leg: TripLeg): void {
    const t = this.trips.get(vehicleId);
    if (t) t.leg = leg;
  }

  /** Route seconds of its leg a trip has driven at `nowMs` (0 while stopped). */
  drivenS(t: Readonly<Trip>, nowMs: number): number {
    return t.leg.route ? Math.max(0, ((nowMs - t.leg.startedAtMs) / 1000) * this.speedup) : 0;
  }

  /** When a trip reaches its scene (epoch ms), null while stopped. */
  etaMs(t: Readonly<Trip>): number | null {
    return t.leg.route ? t.leg.startedAtMs + (t.leg.route.seconds * 1000) / this.speedup : null;
  }

  /** Vehicles that reached the scene since the last call, as [vehicleId, incidentId]. */
  arrivals(nowMs: number): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    for (const t of this.trips.values()) {
      const eta = this.etaMs(t);
      if (!t.arrived && eta !== null && nowMs >= eta) { t.arrived = true; out.push([t.vehicleId, t.incidentId]); }
    }
    return out;
  }

  /** Every followed vehicle's position now. */
  message(nowMs: number): VehiclesMessage {
    return { timeMs: nowMs, vehicles: [...this.trips.values()].map((t) => this.position(t, nowMs)) };
  }

  /** Where a trip is now. */
  position(t: Readonly<Trip>, nowMs: number): VehiclePosition {
    const route = t.leg.route;
    if (!route) {
      return { vehicleId: t.vehicleId, kind: t.kind, incidentId: t.incidentId, lonLat: t.leg.stoppedLonLat ?? [0, 0], headingDeg: 0, state: 'stopped', departedAtMs: t.departedAtMs, legFromMs: t.leg.startedAtMs, etaMs: null, progress: 0 };
    }
    const total = route.seconds, s = Math.min(total, Math.max(0, ((nowMs - t.leg.startedAtMs) / 1000) * this.speedup));
    const p = pointAlong(route, s, scratch), arrived = s >= total;
    return {
      vehicleId: t.vehicleId, kind: t.kind, incidentId: t.incidentId, lonLat: p.lonLat, headingDeg: arrived ? 0 : p.headingDeg, state: arrived ? 'on_scene' : 'en_route',
      departedAtMs: t.departedAtMs, legFromMs: t.leg.startedAtMs, etaMs: Math.round(t.leg.startedAtMs + (total * 1000) / this.speedup), progress: total > 0 ? s / total : 1,
    };
  }
}
