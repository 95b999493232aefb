import { Cartesian2 } from 'cesium';
import { CesiumOverlayAdapter } from '../../view/cesium/CesiumOverlayAdapter';
import { CesiumWorkspace } from '../../view/cesium/CesiumWorkspace';
import type { OverlayModel } from '../../view/overlay/OverlayModel';
import { tileBudget } from '../../view/tileBudget';
import type { CityContext } from '../host/CityContext';
import type { ClickHit } from '../host/ClickRouter';
import type { PageHandle } from '../host/PageHandle';
import type { ViewPort } from '../host/ViewPort';
import { cityHalfSizeM } from './cityHalfSize';
import { loadReporter } from './reportLoad';

/** The workspace as features see it: the ViewPort plus the Cesium workspace for Cesium-only features. */
export interface WorkspaceViewPort extends ViewPort {
  readonly kind: 'workspace';
  readonly workspace: CesiumWorkspace;
  readonly adapter: CesiumOverlayAdapter;
}

/**
 * Starts the Cesium workspace on a city: tilesets (load progress in the status line), the overlay
 * adapter drawing `overlay`, clicks handed to `onClick`. Resolves once the tilesets are in the scene.
 */
export async function startWorkspaceView(o: {
  container: HTMLElement; city: CityContext; overlay: OverlayModel; handle: PageHandle; flightSeconds: number; onClick: (hit: ClickHit) => void;
  /** The tiles' memory budget (MB, the host's `budgetMB`; see src/view/tileBudget). */
  budgetMB: number;
}): Promise<WorkspaceViewPort> {
  const m = o.city.manifest;
  const workspace = new CesiumWorkspace({
    container: o.container, cityUrl: o.city.url, centerLonLat: [m.origin.lonDeg, m.origin.latDeg], flightSeconds: o.flightSeconds,
    homeHalfSizeM: cityHalfSizeM(m), onLoadState: loadReporter('', m, o.handle), onClick: o.onClick, budget: tileBudget(o.budgetMB),
  });
  o.handle.expose('workspace', workspace);
  o.handle.expose('load', workspace.tilesets.state);
  await workspace.load();
  const adapter = new CesiumOverlayAdapter(workspace.viewer, workspace.tilesets.buildings, await o.city.dem(), m.counts.buildings);
  adapter.attach(o.overlay);
  workspace.pickThrough(() => adapter.pickTransparent());
  o.handle.expose('colours', adapter.buildingColors);
  const scene = workspace.viewer.scene;
  return {
    kind: 'workspace', workspace, adapter,
    flyHome: (s) => workspace.flyHome(s),
    lookAt: (lon, lat, h, range, pitch) => workspace.lookAt(lon, lat, h, range, pitch),
    flyTo: (lon, lat, h, range, pitch, seconds) => workspace.flyTo(lon, lat, h, range, pitch, seconds),
    centreLonLat: () => workspace.lonLatAt(new Cartesian2(scene.canvas.clientWidth / 2, scene.canvas.clientHeight / 2)),
    requestRender: () => scene.requestRender(),
  };
}
