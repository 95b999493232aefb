import { Cesium3DTileStyle, Color, type Cesium3DTileFeature } from 'cesium';
import { fleetFromResources } from '../dispatch/stationFleet';
import type { Fleet, UnitKind } from '../dispatch/Fleet';
import type { DemGrid } from '../geo/DemGrid';
import type { CityTwin } from '../twin/CityTwin';
import { CityPackage } from '../twin/package/CityPackage';
import { fetchPackageReader } from '../twin/package/PackageReader';
import { DispatchPanel, INCIDENT_TYPES } from '../ui/dispatch/DispatchPanel';
import type { Legend } from '../ui/Legend';
import type { CesiumWorkspace } from '../view/cesium/CesiumWorkspace';
import { DispatchLayer } from '../view/cesium/DispatchLayer';
import { colorOf, steppedScale } from '../view/overlay/ColorScale';
import { RouteClient } from '../../workers/routeClient';

export interface DispatchStart {
  workspace: CesiumWorkspace;
  model: CityTwin;
  dem: DemGrid | null;
  host: HTMLElement;
  legend: Legend;
  cityUrl: string;
}

/** What `window.twin.dispatch` exposes. */
export interface LiveDispatch {
  client: RouteClient;
  panel: DispatchPanel;
  layer: DispatchLayer;
  /** Raises an incident of the panel's selected type at a lon/lat and dispatches units to it. */
  raise(lonLat: [number, number]): Promise<void>;
  dispose(): void;
}

/** Simulated seconds per real second when vehicles drive to the scene. */
const PLAYBACK = 12;
/** China's urban fire-service standard: an engine on scene within 5 min of the call. */
const TARGET_MIN = 5;
const COVERAGE_SCALE = steppedScale('responseMin', 'Fire response time', 'min', [2, 3, 4, 5]);

/**
 * Resource dispatch in the workspace: the road network and fleet live in the route worker, so
 * planning never blocks the page; incidents raised by clicking get units by min-cost assignment,
 * their routes drawn and their vehicles animated; coverage colours buildings by response time.
 */
export async function startDispatch(s: DispatchStart): Promise<LiveDispatch> {
  const layer = new DispatchLayer(s.workspace.viewer, s.model.frame, s.dem);
  const client = new RouteClient();
  const busy = new Set<string>();
  let fleet: Fleet | null = null;
  let count = 0;
  let coverageTimes: Float64Array | null = null;
  const panel = new DispatchPanel(s.host, {
    onArm: (on) => panel.setStatus(on ? 'Click the map where the incident is.' : ''),
    onClear: () => { layer.clear(); busy.clear(); },
    onCoverage: (on) => { showCoverage(on).catch((e: Error) => panel.setStatus(`Coverage failed: ${e.message}`)); },
  });
  panel.setStatus('Loading the road network…');
  const res = await fetch(`${s.cityUrl}/network.bin`);
  if (!res.ok) throw new Error(`${s.cityUrl}/network.bin: HTTP ${res.status} (npm run tiles writes it)`);
  const info = await client.load(await res.arrayBuffer(), { onProgress: (f) => panel.setStatus(`Preparing the road network… ${Math.round(f * 100)}%`) });
  fleet = fleetFromResources(await (await CityPackage.open(fetchPackageReader(s.cityUrl))).resources());
  await client.setFleet(fleet);
  const stationName = new Map(fleet.stations.map((st) => [st.id, st.name]));
  panel.setStatus(fleet.units.length === 0
    ? 'This city lists no emergency stations or vehicles (its package has no resources): dispatch and coverage cannot run.'
    : `Road network ready: ${info.nodes.toLocaleString('en')} nodes (preprocessed in ${info.preprocessS.toFixed(2)} s); ${fleet.units.length} units at ${fleet.stations.length} stations.`);

  const raise = async (lonLat: [number, number]) => {
    const id = `INC-${++count}`;
    const type = INCIDENT_TYPES[panel.type.value];
    layer.addIncident(id, lonLat);
    panel.setStatus(`${id}: planning…`);
    await client.setFleet({ ...fleet!, units: fleet!.units.map((u) => ({ ...u, available: !busy.has(u.id) })) });
    const plan = await client.planDispatch([{ id, lonLat, kind: panel.type.value, requirements: type.requirements as Partial<Record<UnitKind, number>> }]);
    const kindOf = new Map(plan.assignments.map((a) => [a.unitId, a.kind]));
    for (const a of plan.assignments) busy.add(a.unitId);
    for (const r of plan.routes) {
      if (r.route) layer.addRoute({ unitIds: r.unitIds, kind: kindOf.get(r.unitIds[0]) ?? 'fire_engine', coordsLonLat: r.route.coordsLonLat, cumulativeS: r.route.cumulativeS });
    }
    panel.addIncident(id, type.label, plan.assignments.map((a) => ({ unitId: a.unitId, kind: a.kind, station: stationName.get(a.stationId) ?? a.stationId, etaS: a.etaS })),
      plan.unfilled.map((u) => `${u.missing} × ${u.kind}`));
    const first = plan.incidents[0];
    panel.setStatus(`${id}: first unit in ${Math.round(first.firstArrivalS)} s, whole team in ${Math.round(first.teamOnSceneS)} s.`);
    document.body.dataset.dispatched = String(count);
    const t0 = performance.now();
    const step = () => { if (layer.advance(((performance.now() - t0) / 1000) * PLAYBACK)) requestAnimationFrame(step); };
    requestAnimationFrame(step);
  };

  const showCoverage = async (on: boolean) => {
    if (!on) { s.workspace.setColorScale(null); s.legend.show(null); return; }
    if (!coverageTimes) {
      panel.setStatus('Computing fire coverage…');
      const { grid, frame } = s.model;
      await client.setDemand(s.model.buildings.map((b, i) => ({ lonLat: frame.toLonLat(grid.centroidX[i], grid.centroidY[i]), weight: b.population })));
      const cov = await client.coverage('fire_station', TARGET_MIN, { horizonMinutes: 30 });
      coverageTimes = cov.timesS;
      panel.setStatus(`Fire coverage: ${(cov.shareOfWeight * 100).toFixed(1)} % of people within ${TARGET_MIN} min of a fire station.`);
    }
    const times = coverageTimes;
    const style = new Cesium3DTileStyle();
    (style as unknown as { color: unknown }).color = {
      evaluateColor: (feature: Cesium3DTileFeature, result?: Color) => {
        const t = times[s.model.registry.buildingIndex(String(feature.getProperty('id')))];
        return Color.fromCssColorString(colorOf(COVERAGE_SCALE, t / 60) ?? '#6b7280', result);
      },
    };
    s.workspace.setStyle(style);
    s.legend.show(COVERAGE_SCALE);
  };

  const removeInterceptor = s.workspace.addClickInterceptor((lonLat) => {
    if (!panel.isArmed) return false;
    panel.setArmed(false);
    raise(lonLat).catch((e: Error) => panel.setStatus(`Dispatch failed: ${e.message}`));
    return true;
  });
  return {
    client, panel, layer, raise,
    dispose: () => { removeInterceptor(); layer.dispose(); panel.dispose(); client.dispose(); },
  };
}
