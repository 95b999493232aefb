import type { LonLat, Router } from '../../route/Router';
import { overrideSegmentAt } from '../../route/roadClosures';
import { incidentIdAt } from '../incidents/createIncident';
import type { IncidentActor, UnitChain } from '../incidents/Incident';
import { distinct } from '../incidents/incidentOwnership';
import { inArea, TIER_RANK } from '../incidents/incidentRights';
import { CLOSURE_LIMITS, publishedClosure, type ClosedSegment, type ClosuresMessage, type FloodClosureSource, type RoadClosure } from './RoadClosure';

export interface ClosureBookOptions {
  router: Router;
  /** The unit chain of a point, null outside the city. */
  locate: (lonLat: [number, number]) => UnitChain | null;
  clock: () => number;
}

/** What a new closure is made of besides its segments. */
type ClosureHead = Pick<RoadClosure, 'reason' | 'incidentId'> & { by: IncidentActor };

/** Road samples snapped onto segments: the segments in the actor's area, and what was left out. */
interface FloodSegments { segments: ClosedSegment[]; outsideArea: number; alreadyClosed: number }

/**
 * The road closures open now, and the router's closures to match: every closed segment is closed
 * (factor Infinity, both directions) in the router the hub routes with, so proposals, dispatches
 * and re-routes avoid it. Rights: a centre closes roads in its own area (a street its street, a
 * district its district, the city anywhere); it reopens its own closures, and a centre above the
 * closing one reopens those in its area. Pure: no broker, no store.
 */
export class ClosureBook {
  readonly closures = new Map<string, RoadClosure>();
  /** Arc id -> the closure that closes it. */
  private readonly closedArcs = new Map<number, string>();

  constructor(private readonly o: ClosureBookOptions) {}

  get segmentCount(): number {
    let n = 0;
    for (const c of this.closures.values()) n += c.segments.length;
    return n;
  }

  /** Takes open closures back (a hub restarting) and closes their roads in the router. */
  restore(list: readonly RoadClosure[]): void {
    for (const c of list) {
      const segments = c.segments.map((s) => this.onNetwork(s)).filter((s): s is ClosedSegment => s !== null);
      if (segments.length) this.closures.set(c.id, { ...c, segments });
    }
    this.sync();
  }

  /** A stored segment on this network: as stored when its arc still joins its ends, else the segment under its midpoint (a rebuilt network.bin). */
  private onNetwork(s: ClosedSegment): ClosedSegment | null {
    const g = this.o.router.graph, ll = g.nodeLonLatDeg, a = s.arcs[0], [p, q] = s.endsLonLat;
    if (a < g.arcCount && ll[2 * g.arcFrom[a]] === p[0] && ll[2 * g.arcFrom[a] + 1] === p[1] && ll[2 * g.arcTo[a]] === q[0] && ll[2 * g.arcTo[a] + 1] === q[1]) return s;
    return this.segmentAt([(p[0] + q[0]) / 2, (p[1] + q[1]) / 2], 1);
  }

  /** Closes the segment nearest `lonLat` (within CLOSURE_LIMITS.snapM); the closure, or why not. */
  closeAt(lonLat: LonLat, head: ClosureHead): RoadClosure | { refused: string } {
    const full = this.full(1);
    if (full) return { refused: full };
    if (!this.o.locate(lonLat)) return { refused: `[${lonLat.join(', ')}] lies outside the city's units` };
    const seg = this.segmentAt(lonLat, CLOSURE_LIMITS.snapM);
    this.sync();
    if (!seg) return { refused: `no road within ${CLOSURE_LIMITS.snapM} m of [${lonLat.join(', ')}]` };
    if (!inArea(head.by, { streetIds: [seg.streetId], districtIds: [seg.districtId] })) {
      return { refused: `${head.by.username} (${head.by.tier} ${head.by.unitId}) may not close a road outside its ${head.by.tier}: ${seg.lineName || seg.lineId} there lies in street ${seg.streetId} of district ${seg.districtId}` };
    }
    const holder = this.closedArcs.get(seg.arcs[0]);
    if (holder) return { refused: `${seg.lineName || seg.lineId || 'that road'} at [${seg.lonLat.map((v) => v.toFixed(5)).join(', ')}] is already closed (${holder})` };
    return this.add({ ...head, kind: 'manual', segments: [seg] });
  }

  /** Closes the segments under flooded road samples (each snapped within snapM) in the actor's area. */
  closeFlooded(samples: ReadonlyArray<LonLat>, snapM: number, source: Omit<FloodClosureSource, 'outsideArea' | 'alreadyClosed'>, head: ClosureHead): RoadClosure | { refused: string } {
    const { segments, outsideArea, alreadyClosed } = this.floodSegments(samples, snapM, head.by);
    const where = `at frame ${source.frameIndex} of flood run ${source.run}`;
    if (!segments.length) {
      const left = [outsideArea ? `${outsideArea} outside ${head.by.tier} ${head.by.unitId}` : '', alreadyClosed ? `${alreadyClosed} already closed` : ''].filter(Boolean).join(', ');
      return { refused: `no road to close ${where}: ${source.samples} road samples deeper than ${source.depthM} m${left ? ` (segments: ${left})` : ''}` };
    }
    if (segments.length > CLOSURE_LIMITS.floodSegments) return { refused: `${segments.length} flooded segments ${where}, over the limit of ${CLOSURE_LIMITS.floodSegments}: raise depthM` };
    const full = this.full(segments.length);
    return full ? { refused: full } : this.add({ ...head, kind: 'flood', segments, flood: { ...source, outsideArea, alreadyClosed } });
  }

  private floodSegments(samples: ReadonlyArray<LonLat>, snapM: number, by: IncidentActor): FloodSegments {
    const seen = new Set<number>(), segments: ClosedSegment[] = [];
    let outsideArea = 0, alreadyClosed = 0;
    for (const p of samples) {
      const seg = this.segmentAt(p, snapM);
      if (!seg || seen.has(seg.arcs[0])) continue;
      seen.add(seg.arcs[0]);
      if (this.closedArcs.has(seg.arcs[0])) alreadyClosed++;
      else if (!inArea(by, { streetIds: [seg.streetId], districtIds: [seg.districtId] })) outsideArea++;
      else segments.push(seg);
    }
    this.sync();
    return { segments, outsideArea, alreadyClosed };
  }

  /** Reopens a closure; the closure reopened, or why not. */
  reopen(id: string, by: IncidentActor): RoadClosure | { refused: string } {
    const c = this.closures.get(id);
    if (!c) return { refused: `no open road closure ${id}` };
    const own = by.tier === c.by.tier && by.unitId === c.by.unitId;
    if (!own && !(TIER_RANK[by.tier] > TIER_RANK[c.by.tier] && inArea(by, c))) return { refused: `${by.username} (${by.tier} ${by.unitId}) may not reopen ${id}: it was closed by ${c.by.tier} ${c.by.unitId}` };
    this.closures.delete(id);
    this.sync();
    return c;
  }

  /** The retained `closures` message. */
  message(nowMs: number): ClosuresMessage {
    return { timeMs: nowMs, closures: [...this.closures.values()].map(publishedClosure) };
  }

  private full(adding: number): string | null {
    const L = CLOSURE_LIMITS;
    if (this.closures.size >= L.closures) return `the hub holds ${L.closures} road closures, its limit: reopen some first`;
    const n = this.segmentCount;
    return n + adding > L.segments ? `the hub holds ${n} closed segments; ${adding} more would pass its limit of ${L.segments}` : null;
  }

  private add(c: Omit<RoadClosure, 'id' | 'atMs' | 'streetIds' | 'districtIds'>): RoadClosure {
    let t = this.o.clock();
    while (this.closures.has(incidentIdAt(t, 'CLO'))) t++;
    const closure: RoadClosure = {
      id: incidentIdAt(t, 'CLO'), atMs: this.o.clock(), ...c,
      streetIds: distinct(c.segments.map((s) => s.streetId)), districtIds: distinct(c.segments.map((s) => s.districtId)),
    };
    this.closures.set(closure.id, closure);
    this.sync();
    return closure;
  }

  /** The segment nearest a point as a ClosedSegment (snapping through overrideSegmentAt; sync() undoes its override). */
  private segmentAt(lonLat: LonLat, maxM: number): ClosedSegment | null {
    const g = this.o.router.graph, ll = g.nodeLonLatDeg;
    const change = overrideSegmentAt(this.o.router, lonLat, Infinity, maxM);
    const chain = change && this.o.locate(change.lonLat);
    if (!change || !chain) return null;
    const u = g.arcFrom[change.arcs[0]], v = g.arcTo[change.arcs[0]];
    return {
      arcs: change.arcs, lineId: change.lineId, lineName: change.lineName, lonLat: change.lonLat, streetId: chain.streetId, districtId: chain.districtId,
      endsLonLat: [[ll[2 * u], ll[2 * u + 1]], [ll[2 * v], ll[2 * v + 1]]],
    };
  }

  /** The router's closures become exactly the open closures' arcs. */
  private sync(): void {
    const o = this.o.router.overrides;
    o.clear();
    this.closedArcs.clear();
    for (const c of this.closures.values()) {
      for (const s of c.segments) for (const a of s.arcs) { o.set(a, Infinity); this.closedArcs.set(a, c.id); }
    }
  }
}
