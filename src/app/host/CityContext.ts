import type { DemGrid } from '../../geo/DemGrid';
import type { SensorRegistry } from '../../signs/registry/SensorInfo';
import type { PlaneUnit } from '../../twin/PlaneUnit';

/** What the live signs need of a city: its sensors and the units their indicators aggregate over. */
export interface SignsCity { registry: SensorRegistry; units: PlaneUnit[] }
import type { CityTwin } from '../../twin/CityTwin';
import type { CityManifest } from '../cityManifest';
import { loadDem } from '../loadDem';
import { loadTwinModel } from '../loadTwinModel';

/**
 * The city a page shows: its manifest and URL at once, its DEM and twin model on first request
 * (each fetched once, shared by every feature that asks).
 */
export class CityContext {
  private demPromise: Promise<DemGrid | null> | null = null;
  private modelPromise: Promise<CityTwin> | null = null;
  private sensorsPromise: Promise<SignsCity | null> | null = null;
  /** The model once loaded (features that only read it when it is there). */
  loadedModel: CityTwin | null = null;

  constructor(readonly url: string, readonly manifest: CityManifest) {}

  get name(): string { return this.manifest.name; }

  dem(): Promise<DemGrid | null> {
    return (this.demPromise ??= loadDem(this.url));
  }

  /**
   * The city's sensors with their units (null when the city has none): today the demo city's
   * registry, built the same way as the feed simulator builds it, so ids and topics agree.
   */
  sensors(): Promise<SignsCity | null> {
    return (this.sensorsPromise ??= this.manifest.name === 'demo'
      ? import('../../signs/registry/demoSensorRegistry').then((m) => { const { city, registry } = m.demoSensorRegistry(); return { registry, units: city.units }; })
      : Promise.resolve(null));
  }

  /** Buildings, units and addresses (tens of MB for a big city: loaded once, in the background). */
  model(): Promise<CityTwin> {
    return (this.modelPromise ??= loadTwinModel(this.url, this.manifest).then((m) => (this.loadedModel = m)));
  }
}
