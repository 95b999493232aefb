import type { AbortLike } from '../../sim/core/SimProgress';
import type { FloodGrid } from '../../sim/flood/FloodGrid';
import type { FloodParams } from '../../sim/flood/FloodParams';
import type { FloodRunner } from '../../sim/flood/FloodRunner';
import type { CityPackage } from '../../twin/package/CityPackage';
import type { MassingChange } from '../city/applyMassing';
import type { ScenarioCity } from '../city/ScenarioCity';
import type { KpiId, KpiModule } from '../kpi/kpiCatalog';
import type { Scenario } from '../schema/Scenario';
import type { KpiValue, ResultLayer, TimelineSeries } from './RunResult';

/** What differs between node (CLI, tests) and the browser: how a city is opened and a flood solver started. */
export interface RunEnvironment {
  /** Opens the city package of a scenario's `city` (node: tilesets/<name> on disk; browser: fetched). */
  openCity(name: string): Promise<CityPackage>;
  /** A flood runner on this thread (browser worker) or over `workers` threads (node). */
  createFloodRunner(grid: FloodGrid, params: Partial<FloodParams>, workers: number): Promise<FloodRunner>;
}

/** Road closures in force at one frame, from the flood (impassable points) for routing modules. */
export interface SharedState {
  /** Per frame: [lonDeg, latDeg] of road samples under too much water (flood module). */
  floodImpassable?: Array<Array<[number, number]>>;
  /** Buildings (indices into city.buildings) inside the evacuation zone, and gas arrival per building (s; Infinity never). */
  plumeZone?: { buildingIndices: Uint32Array; arrivalS: Float64Array };
}

/** Everything a run module gets. */
export interface ModuleContext {
  scenario: Scenario;
  /** The city the run models: with the scenario's proposed and cleared buildings applied. */
  city: ScenarioCity;
  /** The city as it stands (before any massing); the same object as `city` when there is none. */
  baseCity?: ScenarioCity;
  /** What the proposeBuilding / clearBuildings interventions changed, or null. */
  massing?: MassingChange | null;
  env: RunEnvironment;
  /** Frame times of the run (s): 0, interval, ..., duration. */
  timesS: number[];
  shared: SharedState;
  signal?: AbortLike;
  /** Progress of this module in [0, 1]. */
  onProgress(fraction: number): void;
}

/** What a module adds to a run. */
export interface ModuleOutput {
  kpis: Partial<Record<KpiId, KpiValue>>;
  series: TimelineSeries[];
  layers: ResultLayer[];
}

/** One model a scenario composes (flood, dispatch, ...). */
export interface RunModule {
  readonly name: KpiModule;
  run(ctx: ModuleContext): Promise<ModuleOutput>;
}
