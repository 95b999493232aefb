import type { SensorKind } from '../schema/sensorKinds';

/** One sensor of the registry: plain, JSON-able data shared by the simulator and the browser. */
export interface SensorInfo {
  /** Stable id, e.g. 'WL-00012' (kind prefix + sequence). */
  id: string;
  kind: SensorKind;
  /** Topic it publishes to: city/<districtId>/<kind>/<id>. */
  topic: string;
  lonDeg: number;
  latDeg: number;
  /** Plane position in the city's LocalFrame (m). */
  xM: number;
  yM: number;
  gridId: string;
  communityId: string;
  streetId: string;
  districtId: string;
  /** Building the sensor is in (fire alarms, venue cameras), else null. */
  buildingId: string | null;
  /** Road the sensor watches (traffic), else null. */
  roadId: string | null;
  /** Location text for alert lists (Chinese) and its pinyin. */
  label: string;
  labelPinyin: string;
  /**
   * The sensor's typical value in its kind's unit: base river stage (m), free-flow speed (km/h),
   * background PM2.5 (µg/m³), peak load (MW), usual density (persons/m²), calls per minute, 0 for alarms.
   */
  nominal: number;
}

/** The city's sensors, deterministic for the city (same seed, same registry). */
export interface SensorRegistry {
  /** Seed of the city the registry was built from. */
  citySeed: number;
  sensors: SensorInfo[];
}
