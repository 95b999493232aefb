import { Cartesian3, Color, DistanceDisplayCondition, NearFarScalar, PointPrimitiveCollection, type PointPrimitive, type Viewer } from 'cesium';
import type { DemGrid } from '../../geo/DemGrid';
import type { SensorInfo } from '../../signs/registry/SensorInfo';

const KIND_COLOURS: Record<string, string> = {
  water_level: '#38bdf8', rainfall: '#60a5fa', traffic_speed: '#a3e635', air_quality: '#c084fc', power_load: '#facc15',
  crowd_density: '#fb923c', hotline_12345: '#f472b6', fire_alarm: '#f87171',
};
const ALERT = Color.fromCssColorString('#ff1f1f');
/** Quiet sensors show only from close by; alerting ones from any distance. */
const NEAR = new DistanceDisplayCondition(0, 3500);
const ALWAYS = new DistanceDisplayCondition(0, Number.MAX_VALUE);

/** Sensor markers as one point collection (id = sensor id, so a pick names the sensor); alerting sensors turn red and grow. */
export class SensorMarkers {
  private readonly points: PointPrimitiveCollection;
  private readonly byId = new Map<string, { point: PointPrimitive; color: Color }>();

  constructor(private readonly viewer: Viewer, sensors: readonly SensorInfo[], dem: DemGrid | null) {
    this.points = viewer.scene.primitives.add(new PointPrimitiveCollection());
    for (const s of sensors) {
      const ground = dem ? dem.sample(s.xM, s.yM) : 0;
      const color = Color.fromCssColorString(KIND_COLOURS[s.kind] ?? '#e5e7eb');
      const point = this.points.add({
        id: s.id, position: Cartesian3.fromDegrees(s.lonDeg, s.latDeg, ground + 6), color, pixelSize: 5,
        outlineColor: Color.BLACK, outlineWidth: 1, scaleByDistance: new NearFarScalar(500, 1.6, 15000, 0.6),
        distanceDisplayCondition: NEAR,
      });
      this.byId.set(s.id, { point, color });
    }
  }

  /** Marks the sensors with open alerts; all others return to their kind's colour. */
  setAlerting(ids: ReadonlySet<string>): void {
    for (const [id, m] of this.byId) {
      const on = ids.has(id);
      m.point.color = on ? ALERT : m.color;
      m.point.pixelSize = on ? 11 : 5;
      m.point.distanceDisplayCondition = on ? ALWAYS : NEAR;
    }
    this.viewer.scene.requestRender();
  }

  set show(v: boolean) { this.points.show = v; this.viewer.scene.requestRender(); }

  dispose(): void {
    if (!this.points.isDestroyed()) this.viewer.scene.primitives.remove(this.points);
  }
}
