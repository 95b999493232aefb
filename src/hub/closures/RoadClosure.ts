import type { IncidentActor } from '../incidents/Incident';

/** One road segment a closure shuts (both directions). */
export interface ClosedSegment {
  /** Arc ids of the city's network.bin (one or two: a two-way segment closes both ways). */
  arcs: number[];
  lineId: string;
  lineName: string;
  /** The segment's two ends, [lonDeg, latDeg] (the graph nodes the arcs join). */
  endsLonLat: [[number, number], [number, number]];
  /** Where the request (a click, a flooded road sample) snapped onto it, [lonDeg, latDeg]. */
  lonLat: [number, number];
  /** The street and district the snapped point lies in ('' when the city lacks that tier). */
  streetId: string;
  districtId: string;
}

/** What a flood closure was made from: a flood run published on `hub/<city>/runs/flood`, at one frame. */
export interface FloodClosureSource {
  run: string;
  frameIndex: number;
  /** Simulated time of the frame (s since the storm began). */
  timeS: number;
  /** Road samples deeper than this (m) closed their segments. */
  depthM: number;
  /** Road samples deeper than depthM at that frame. */
  samples: number;
  /** Segments they snapped to that lie outside the closing centre's area (left open). */
  outsideArea: number;
  /** Segments already closed by another closure (left to it). */
  alreadyClosed: number;
}

/** A road closure the hub holds, stores and publishes: who closed what, when, and why. */
export interface RoadClosure {
  /** `CLO-<yyyymmdd>-<hhmmss>-<ms>` (UTC of the closing). */
  id: string;
  kind: 'manual' | 'flood';
  /** Why (the command's text), or null. */
  reason: string | null;
  /** The incident it was made for (its timeline says so), or null. */
  incidentId: string | null;
  by: IncidentActor;
  atMs: number;
  segments: ClosedSegment[];
  /** Every street and district its segments lie in (reopening rights). */
  streetIds: string[];
  districtIds: string[];
  /** Flood closures only. */
  flood?: FloodClosureSource;
}

/** A closure as displays get it: segments as their ends only (one flat array), the road names once. */
export interface PublishedClosure extends Omit<RoadClosure, 'segments'> {
  /** Names of the roads closed, each once. */
  roads: string[];
  /** Per segment lon0, lat0, lon1, lat1 (degrees, 6 decimals). */
  segmentsLonLat: number[];
  /** A point to label it: the first segment's snapped point. */
  lonLat: [number, number];
}

/** The retained `hub/<city>/closures` message: every closure open now. */
export interface ClosuresMessage {
  timeMs: number;
  closures: PublishedClosure[];
}

/**
 * Bounds on what closure commands can multiply: open closures, open segments over all of them
 * (the published message stays under the broker's 128 KB retained limit), segments of one flood
 * closure, and how far a clicked point may lie from the road it closes (m).
 */
export const CLOSURE_LIMITS = { closures: 200, segments: 1000, floodSegments: 500, snapM: 200 } as const;

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** The published form of a closure. */
export function publishedClosure(c: RoadClosure): PublishedClosure {
  const { segments, ...rest } = c;
  return {
    ...rest, roads: [...new Set(segments.map((s) => s.lineName || s.lineId).filter(Boolean))],
    segmentsLonLat: segments.flatMap((s) => [...s.endsLonLat[0], ...s.endsLonLat[1]].map(round6)), lonLat: segments[0].lonLat,
  };
}

/** "Renmin Lu (CLO-...)", "3 segments of Renmin Lu, Jinli Jie (CLO-...)": a closure in words. */
export function closureWords(c: Pick<RoadClosure, 'id' | 'segments'>): string {
  const roads = [...new Set(c.segments.map((s) => s.lineName || s.lineId || 'an unnamed road'))];
  const shown = roads.length > 3 ? `${roads.slice(0, 3).join(', ')} and ${roads.length - 3} more` : roads.join(', ');
  return `${c.segments.length > 1 ? `${c.segments.length} segments of ` : ''}${shown} (${c.id})`;
}
