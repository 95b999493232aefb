import { fleetFromResources } from '../../../dispatch/stationFleet';
import type { Fleet, UnitKind } from '../../../dispatch/Fleet';
import type { CityTwin } from '../../../twin/CityTwin';
import { DispatchPanel, INCIDENT_TYPES } from '../../../ui/dispatch/DispatchPanel';
import { BUILDING_COLOR_PRIORITY } from '../../../view/overlay/buildingColorPriority';
import { RouteClient } from '../../../../workers/routeClient';
import { CLICK_PRIORITY } from '../../host/ClickRouter';
import type { Feature } from '../../host/Feature';
import type { FeatureHost } from '../../host/FeatureHost';
import { COVERAGE_SCALE, COVERAGE_TARGET_MIN, coverageColours } from './coverageColours';
import { DispatchDrawing } from './DispatchDrawing';

/** What `window.twin.dispatch` exposes. */
export interface LiveDispatch {
  client: RouteClient;
  panel: DispatchPanel;
  layer: DispatchDrawing;
  /** Raises an incident of the panel's selected type at a lon/lat and dispatches units to it. */
  raise(lonLat: [number, number]): Promise<void>;
}

/** Simulated seconds per real second when vehicles drive to the scene. */
const PLAYBACK = 12;
const COVERAGE = 'coverage';

/**
 * Resource dispatch (key I, then click the map): the road network and fleet live in the route
 * worker; incidents get units by min-cost assignment, their routes and vehicles drawn through
 * the overlay model. Fire coverage (buildings by response time) is a colouring of "Colour by"
 * and the panel's checkbox. Announces `body[data-dispatch="ready"]`.
 */
export class DispatchFeature implements Feature {
  readonly name = 'dispatch';
  private client: RouteClient | null = null;
  private readonly offs: Array<() => void> = [];
  private count = 0;
  private readonly busy = new Set<string>();

  init(host: FeatureHost): void {
    const slot = host.slot('dispatch', 'Dispatch');
    if (!slot) return;
    const drawing = new DispatchDrawing(host.overlay);
    const panel = new DispatchPanel(slot, {
      onArm: (on) => panel.setStatus(on ? 'Click the map where the incident is.' : ''),
      onClear: () => { drawing.clear(); this.busy.clear(); },
      onCoverage: (on) => host.colours.select(on ? COVERAGE : ''),
    });
    host.colours.add({ id: COVERAGE, label: 'fire coverage (min)', group: 'Analyses', unavailable: 'loading the road network…', apply: () => this.coverage(host, panel) });
    this.offs.push(host.colours.subscribe(() => { panel.coverage.checked = host.colours.current === COVERAGE; }));
    this.offs.push(host.shortcuts.add('i', 'Dispatch: raise an incident, then click the map', this.name, () => { host.reveal('dispatch'); panel.setArmed(!panel.isArmed); }));
    this.offs.push(host.clicks.add(CLICK_PRIORITY.tool, (hit) => {
      if (!panel.isArmed || !hit.lonLat) return false;
      panel.setArmed(false);
      this.raise(host, panel, drawing, hit.lonLat).catch((e: Error) => panel.setStatus(`Dispatch failed: ${e.message}`));
      return true;
    }));
    host.background(this.name, this.load(host, panel, drawing));
  }

  private fleet: Fleet | null = null;
  private model: CityTwin | null = null;

  private async load(host: FeatureHost, panel: DispatchPanel, drawing: DispatchDrawing): Promise<void> {
    panel.setStatus('Loading the road network…');
    const client = (this.client = new RouteClient());
    const res = await fetch(`${host.city.url}/network.bin`);
    if (!res.ok) throw new Error(`${host.city.url}/network.bin: HTTP ${res.status} (npm run tiles writes it)`);
    const info = await client.load(await res.arrayBuffer(), { onProgress: (f) => panel.setStatus(`Preparing the road network… ${Math.round(f * 100)}%`) });
    this.model = await host.city.model();
    const fleet = (this.fleet = fleetFromResources(await host.city.resources()));
    await client.setFleet(fleet);
    panel.setStatus(fleet.units.length === 0
      ? 'This city lists no emergency stations or vehicles (its package has no resources): dispatch and coverage cannot run.'
      : `Road network ready: ${info.nodes.toLocaleString('en')} nodes (preprocessed in ${info.preprocessS.toFixed(2)} s); ${fleet.units.length} units at ${fleet.stations.length} stations.`);
    host.colours.setUnavailable(COVERAGE, null);
    host.expose('dispatch', { client, panel, layer: drawing, raise: (lonLat: [number, number]) => this.raise(host, panel, drawing, lonLat) } satisfies LiveDispatch);
    host.announce('dispatch', 'ready');
  }

  private async raise(host: FeatureHost, panel: DispatchPanel, drawing: DispatchDrawing, lonLat: [number, number]): Promise<void> {
    const client = this.client, fleet = this.fleet;
    if (!client || !fleet) throw new Error('the road network is still loading');
    const id = `INC-${++this.count}`;
    const type = INCIDENT_TYPES[panel.type.value];
    drawing.addIncident(id, lonLat, `${id} · ${type.label}`);
    panel.setStatus(`${id}: planning…`);
    await client.setFleet({ ...fleet, units: fleet.units.map((u) => ({ ...u, available: !this.busy.has(u.id) })) });
    const plan = await client.query('planDispatch', [[{ id, lonLat, kind: panel.type.value, requirements: type.requirements as Partial<Record<UnitKind, number>> }]]);
    const kindOf = new Map(plan.assignments.map((a) => [a.unitId, a.kind]));
    const stationName = new Map(fleet.stations.map((st) => [st.id, st.name]));
    for (const a of plan.assignments) this.busy.add(a.unitId);
    for (const r of plan.routes) {
      if (r.route) drawing.addRoute({ unitIds: r.unitIds, kind: kindOf.get(r.unitIds[0]) ?? 'fire_engine', coordsLonLat: r.route.coordsLonLat, cumulativeS: r.route.cumulativeS });
    }
    panel.addIncident(id, type.label, plan.assignments.map((a) => ({ unitId: a.unitId, kind: a.kind, station: stationName.get(a.stationId) ?? a.stationId, etaS: a.etaS })),
      plan.unfilled.map((u) => `${u.missing} × ${u.kind}`));
    const first = plan.incidents[0];
    panel.setStatus(`${id}: first unit in ${Math.round(first.firstArrivalS)} s, whole team in ${Math.round(first.teamOnSceneS)} s.`);
    host.announce('dispatched', String(this.count));
    const t0 = performance.now();
    const step = () => { if (drawing.advance(((performance.now() - t0) / 1000) * PLAYBACK)) setTimeout(step, 100); };
    setTimeout(step, 100);
  }

  private coverageTimes: Float64Array | null = null;

  /** Colours buildings by fire response time (computed once in the route worker); returns the stop. */
  private coverage(host: FeatureHost, panel: DispatchPanel): () => void {
    let stopped = false;
    host.legend.show(COVERAGE, COVERAGE_SCALE);
    host.background(this.name, (async () => {
      const client = this.client!, model = this.model!;
      if (!this.coverageTimes) {
        panel.setStatus('Computing fire coverage…');
        const { grid, frame } = model;
        await client.setDemand(model.buildings.map((b, i) => ({ lonLat: frame.toLonLat(grid.centroidX[i], grid.centroidY[i]), weight: b.population })));
        const cov = await client.query('coverage', ['fire_station', COVERAGE_TARGET_MIN, 30]);
        this.coverageTimes = cov.timesS;
        panel.setStatus(`Fire coverage: ${(cov.shareOfWeight * 100).toFixed(1)} % of people within ${COVERAGE_TARGET_MIN} min of a fire station.`);
      }
      if (stopped) return;
      host.overlay.set(COVERAGE, { kind: 'buildingColors', rgba: coverageColours(this.coverageTimes), priority: BUILDING_COLOR_PRIORITY.analysis }, { share: true });
    })());
    return () => {
      stopped = true;
      host.overlay.remove(COVERAGE);
      host.legend.show(COVERAGE, null);
    };
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
    this.client?.dispose();
    this.client = null;
  }
}
