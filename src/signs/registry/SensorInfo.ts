import type { SensorKind } from '../schema/sensorKinds';

/** One sensor of the registry: plain, JSON-able data shared by the simulator and the browser. */
export interface SensorInfo {
  /** Stable id, e.g. 'WL-00012' (kind prefix + sequence). */
  id: string;
  kind: SensorKind;
  /** Topic it publishes to: city/<cityName>/<districtId>/<kind>/<id>. */
  topic: string;
  lonDeg: number;
  latDeg: number;
  /** Plane position in the city's LocalFrame (m). */
  xM: number;
  yM: number;
  /** The finest spatial unit it lies in (a grid cell when the city has that tier). */
  unitId: string;
  /** Its unit at each tier; '' for a tier the city does not have. */
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

/** The city's sensors, deterministic for the city (same package, same registry). */
export interface SensorRegistry {
  /** Name of the city package the registry belongs to. */
  city: string;
  /** True when the sensors were placed by the simulator's rules rather than read from the city's own registry. */
  synthetic: boolean;
  sensors: SensorInfo[];
}
