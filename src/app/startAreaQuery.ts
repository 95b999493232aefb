import { Cartesian3, Color, type Entity } from 'cesium';
import type { DemGrid } from '../geo/DemGrid';
import type { SensorInfo } from '../signs/registry/SensorInfo';
import type { CityTwin } from '../twin/CityTwin';
import { queryArea } from '../twin/queryArea';
import { AreaQueryPanel } from '../ui/drilldown/AreaQueryPanel';
import type { CesiumWorkspace } from '../view/cesium/CesiumWorkspace';

/** Mounts the circle query: armed clicks draw the circle on the ground and list what is inside. */
export function startAreaQuery(workspace: CesiumWorkspace, twin: CityTwin, dem: DemGrid | null, host: HTMLElement, sensors: () => readonly SensorInfo[]): AreaQueryPanel {
  let circle: Entity | null = null;
  const panel = new AreaQueryPanel(host, { onArm: () => undefined });
  workspace.addClickInterceptor((lonLat) => {
    if (!panel.isArmed) return false;
    panel.setArmed(false);
    const radiusM = panel.radiusM;
    const result = queryArea(twin, { type: 'circle', centerLonLat: lonLat, radiusM }, sensors().map((s) => ({ id: s.id, lonLat: [s.lonDeg, s.latDeg] })));
    if (circle) workspace.viewer.entities.remove(circle);
    // The ring a few meters above the DEM, so it shows over the terrain tileset in every mode.
    const [cx, cy] = twin.frame.toPlane(lonLat[0], lonLat[1]);
    const ring: number[] = [];
    for (let k = 0; k <= 72; k++) {
      const a = (k / 72) * 2 * Math.PI, x = cx + radiusM * Math.cos(a), y = cy + radiusM * Math.sin(a);
      ring.push(...twin.frame.toLonLat(x, y), (dem?.sample(x, y) ?? 0) + 4);
    }
    circle = workspace.viewer.entities.add({ polyline: { positions: Cartesian3.fromDegreesArrayHeights(ring), width: 4, material: Color.fromCssColorString('#38bdf8') } });
    workspace.viewer.scene.requestRender();
    panel.show(result);
    return true;
  });
  return panel;
}
