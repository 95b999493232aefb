import type { SensorInfo } from '../../../signs/registry/SensorInfo';
import type { PointLayer } from '../../../view/overlay/overlayLayers';

/** Marker colour per sensor kind (quiet sensors). */
export const SENSOR_KIND_COLOURS: Readonly<Record<string, string>> = {
  water_level: '#38bdf8', rainfall: '#60a5fa', traffic_speed: '#a3e635', air_quality: '#c084fc', power_load: '#facc15',
  crowd_density: '#fb923c', hotline_12345: '#f472b6', fire_alarm: '#f87171',
};
/** Alerting sensors: the alert red, larger, pulsing, from any distance. */
const ALERT = '#ff1f1f';
/** Quiet sensors show only from close by (m), or 4,000 dots would hide the city. */
const QUIET_RANGE_M = 3500;

/** Every sensor as a small marker of its kind's colour, drawn from close by (point id = sensor id, so a click names it). */
export function quietSensorLayer(sensors: readonly SensorInfo[]): PointLayer {
  return {
    kind: 'points',
    points: sensors.map((s) => ({ id: s.id, lonDeg: s.lonDeg, latDeg: s.latDeg, color: SENSOR_KIND_COLOURS[s.kind] ?? '#e5e7eb', sizePx: 5, maxRangeM: QUIET_RANGE_M })),
  };
}

/** The sensors with open alerts, pulsing: the wall's tour visits each. */
export function alertingSensorLayer(sensors: readonly SensorInfo[], alerting: ReadonlyMap<string, string>): PointLayer {
  return {
    kind: 'points',
    points: sensors.filter((s) => alerting.has(s.id)).map((s) => ({
      id: s.id, lonDeg: s.lonDeg, latDeg: s.latDeg, color: ALERT, sizePx: 11, pulsing: true, alert: true, title: alerting.get(s.id),
    })),
  };
}
