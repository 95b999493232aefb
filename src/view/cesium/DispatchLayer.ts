import { Cartesian3, Color, PolylineCollection, PointPrimitiveCollection, Material, type PointPrimitive, type Viewer } from 'cesium';
import type { DemGrid } from '../../geo/DemGrid';
import type { LocalFrame } from '../../geo/LocalFrame';

/** A unit's drive to an incident: the route polyline and a vehicle point moving along it. */
export interface AnimatedRoute {
  unitIds: string[];
  kind: string;
  coordsLonLat: Array<[number, number]>;
  /** Seconds from departure at each vertex. */
  cumulativeS: number[];
}

const KIND_COLOURS: Record<string, string> = { fire_engine: '#ef4444', ambulance: '#f8fafc', police_car: '#3b82f6' };

/**
 * Incidents, response routes and moving vehicles in the Cesium workspace. Vehicles advance with
 * `advance(seconds)` of simulated time; positions sit a few meters above the DEM.
 */
export class DispatchLayer {
  private readonly lines: PolylineCollection;
  private readonly points: PointPrimitiveCollection;
  private readonly vehicles: Array<{ point: PointPrimitive; route: AnimatedRoute }> = [];
  private readonly scratch = new Cartesian3();

  constructor(private readonly viewer: Viewer, private readonly frame: LocalFrame, private readonly dem: DemGrid | null) {
    this.lines = viewer.scene.primitives.add(new PolylineCollection());
    this.points = viewer.scene.primitives.add(new PointPrimitiveCollection());
  }

  private position(lonLat: readonly [number, number], lift: number, result?: Cartesian3): Cartesian3 {
    const [x, y] = this.frame.toPlane(lonLat[0], lonLat[1]);
    return Cartesian3.fromDegrees(lonLat[0], lonLat[1], (this.dem?.sample(x, y) ?? 0) + lift, undefined, result);
  }

  addIncident(id: string, lonLat: [number, number]): void {
    this.points.add({ id, position: this.position(lonLat, 8), color: Color.fromCssColorString('#facc15'), pixelSize: 16, outlineColor: Color.RED, outlineWidth: 3 });
    this.viewer.scene.requestRender();
  }

  addRoute(route: AnimatedRoute): void {
    const color = Color.fromCssColorString(KIND_COLOURS[route.kind] ?? '#a3e635');
    this.lines.add({
      positions: route.coordsLonLat.map((p) => this.position(p, 4)), width: 4,
      material: Material.fromType('Color', { color: color.withAlpha(0.85) }),
    });
    const point = this.points.add({ id: route.unitIds[0], position: this.position(route.coordsLonLat[0], 8), color, pixelSize: 10, outlineColor: Color.BLACK, outlineWidth: 2 });
    this.vehicles.push({ point, route });
    this.viewer.scene.requestRender();
  }

  /** Places every vehicle where it is `elapsedS` after departure; returns true while any is still driving. */
  advance(elapsedS: number): boolean {
    let moving = false;
    for (const v of this.vehicles) {
      const t = v.route.cumulativeS, c = v.route.coordsLonLat;
      if (elapsedS < t[t.length - 1]) moving = true;
      let i = 1;
      while (i < t.length - 1 && t[i] < elapsedS) i++;
      const f = t[i] > t[i - 1] ? Math.min(1, Math.max(0, (elapsedS - t[i - 1]) / (t[i] - t[i - 1]))) : 1;
      const lon = c[i - 1][0] + (c[i][0] - c[i - 1][0]) * f, lat = c[i - 1][1] + (c[i][1] - c[i - 1][1]) * f;
      v.point.position = this.position([lon, lat], 8, this.scratch);
    }
    this.viewer.scene.requestRender();
    return moving;
  }

  get routeCount(): number { return this.vehicles.length; }

  clear(): void {
    this.lines.removeAll();
    this.points.removeAll();
    this.vehicles.length = 0;
    this.viewer.scene.requestRender();
  }

  dispose(): void {
    for (const p of [this.lines, this.points]) if (!p.isDestroyed()) this.viewer.scene.primitives.remove(p);
  }
}
