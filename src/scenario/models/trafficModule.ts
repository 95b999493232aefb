import type { LonLat, Router } from '../../route/Router';
import { lineFeature, polygonFeature, type Feature } from '../layers/GeoJson';
import type { ModuleContext, ModuleOutput, RunModule } from '../run/ModuleContext';
import type { Scenario } from '../schema/Scenario';
import { applyClosures, closedSegments } from './applyClosures';
import { frameAt } from '../run/frameTimes';

interface Trip { name: string; from: LonLat; to: LonLat }

/** Where the event is: the first crowd venue, else the first closure point. */
function eventPlace(s: Scenario): LonLat | null {
  for (const e of s.events) if (e.kind === 'crowd') return [e.lonDeg, e.latDeg];
  for (const e of s.events) if (e.kind === 'roadClosure' && e.at) return [e.at[0][0], e.at[0][1]];
  return null;
}

/** The city's hospitals (its package's resources), the ambulances' starting points. */
function hospitals(ctx: ModuleContext): LonLat[] {
  return ctx.city.resources.hospitals.map((h) => [h.lonDeg, h.latDeg]);
}

/** The probe trips of the settings, else one per hospital to the event's place. */
function probeTrips(ctx: ModuleContext): Trip[] {
  const given = ctx.scenario.models?.traffic?.probeTrips;
  if (given) return given.map((t) => ({ name: t.name, from: [t.from[0], t.from[1]], to: [t.to[0], t.to[1]] }));
  const place = eventPlace(ctx.scenario);
  return place ? hospitals(ctx).map((h, k) => ({ name: `hospital ${k + 1} -> event`, from: h, to: place })) : [];
}

interface TripTimes { seconds: Array<number | null>; mean: number | null; max: number | null; unreachable: number }

function timeTrips(router: Router, trips: Trip[]): TripTimes {
  const seconds = trips.map((t) => router.route(t.from, t.to)?.seconds ?? null);
  const ok = seconds.filter((x): x is number => x !== null);
  return { seconds, mean: ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : null, max: ok.length ? Math.max(...ok) : null, unreachable: seconds.length - ok.length };
}

/** A circle of radiusM around a point as a 48-gon ring ([lonDeg, latDeg]). */
function circle(lonDeg: number, latDeg: number, radiusM: number): Array<[number, number]> {
  const kx = Math.cos((latDeg * Math.PI) / 180) * 111_320;
  return Array.from({ length: 49 }, (_, k) => [lonDeg + (radiusM * Math.cos((k / 48) * 2 * Math.PI)) / kx, latDeg + (radiusM * Math.sin((k / 48) * 2 * Math.PI)) / 111_320] as [number, number]);
}

const r1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/**
 * Traffic with road closures and venue crowds on src/route's router: probe trips (the settings',
 * or every hospital to the venue) timed at free flow and with the closures, crowd slowdowns and
 * flood closures in force at each frame; KPIs at probeAtS (default mid-run). Corridors of
 * rerouteTraffic interventions stay clear.
 */
export const trafficModule: RunModule = {
  name: 'traffic',
  async run(ctx: ModuleContext): Promise<ModuleOutput> {
    const s = ctx.scenario, router = ctx.city.newRouter(), trips = probeTrips(ctx);
    const free = timeTrips(router, trips);
    const probeAtS = s.models?.traffic?.probeAtS ?? s.durationS / 2;
    const place = eventPlace(s), hosp = hospitals(ctx);
    const meanSeries: number[] = [], accessSeries: number[] = [], closedFrames: Feature[][] = [];
    const access = () => (place ? Math.min(...hosp.map((h) => router.route(h, place)?.seconds ?? Infinity)) : Infinity);
    for (let f = 0; f < ctx.timesS.length; f++) {
      applyClosures(router, s, ctx.timesS[f], ctx.shared, f);
      meanSeries.push(r1(timeTrips(router, trips).mean) ?? NaN);
      accessSeries.push(Math.round(access()));
      closedFrames.push(closedSegments(router).map((seg) => lineFeature(seg, { closed: true })));
      ctx.onProgress((f + 1) / (ctx.timesS.length + 1));
    }
    applyClosures(router, s, probeAtS, ctx.shared, frameAt(ctx.timesS, probeAtS));
    const now = timeTrips(router, trips);
    const delays = trips.map((_, k) => (free.seconds[k] !== null && now.seconds[k] !== null ? now.seconds[k]! / free.seconds[k]! - 1 : null)).filter((d): d is number => d !== null);
    const accessS = access();
    const routes = trips.flatMap((t, k) => {
      const r = router.route(t.from, t.to);
      return r ? [lineFeature(r.coordsLonLat, { trip: t.name, seconds: Math.round(r.seconds), freeFlowSeconds: free.seconds[k] === null ? null : Math.round(free.seconds[k]!) })] : [];
    });
    const crowds = s.events.flatMap((e) => (e.kind === 'crowd' ? [polygonFeature(circle(e.lonDeg, e.latDeg, e.radiusM), { id: e.id, people: e.people, fromS: e.fromS, toS: e.toS })] : []));
    return {
      kpis: {
        meanTripS: r1(now.mean), maxTripS: r1(now.max), unreachableTrips: now.unreachable,
        meanDelayPct: delays.length ? Math.round((1000 * delays.reduce((a, b) => a + b, 0)) / delays.length) / 10 : null,
        tripsDelayed: delays.filter((d) => d > 0.1).length,
        emergencyAccessS: Number.isFinite(accessS) ? Math.round(accessS) : null,
      },
      series: [
        { id: 'meanTripS', label: 'Mean probe-trip time', unit: 's', values: meanSeries },
        { id: 'emergencyAccessS', label: 'Ambulance ETA to the venue', unit: 's', values: accessSeries },
      ],
      layers: [
        { id: 'road-closures', title: 'Closed road segments', style: { color: '#ef4444', lineWidthPx: 5 }, frames: closedFrames },
        { id: 'crowd-zones', title: 'Crowds (roads slowed)', style: { color: '#f59e0b', fillOpacity: 0.2, lineWidthPx: 2 }, features: crowds },
        { id: 'probe-routes', title: `Probe trips at t = ${Math.round(probeAtS)} s`, style: { color: '#22c55e', lineWidthPx: 3 }, features: routes },
      ],
    };
  },
};
