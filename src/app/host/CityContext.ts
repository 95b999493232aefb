import type { DemGrid } from '../../geo/DemGrid';
import { cityRegistry } from '../../signs/registry/cityRegistry';
import type { SensorRegistry } from '../../signs/registry/SensorInfo';
import { CityPackage } from '../../twin/package/CityPackage';
import type { ResourcesFile } from '../../twin/package/packageRecords';
import { fetchPackageReader } from '../../twin/package/PackageReader';
import type { PlaneUnit } from '../../twin/PlaneUnit';
import type { CityTwin } from '../../twin/CityTwin';
import type { CityManifest } from '../cityManifest';
import { loadDem } from '../loadDem';
import { loadTwinModel } from '../loadTwinModel';

/** What the live signs need of a city: its sensors and the units their indicators aggregate over. */
export interface SignsCity { registry: SensorRegistry; units: PlaneUnit[] }

/**
 * The city a page shows: its manifest and URL at once; its package, DEM, twin model, sensors and
 * resources on first request (each fetched once, shared by every feature that asks).
 */
export class CityContext {
  private demPromise: Promise<DemGrid | null> | null = null;
  private modelPromise: Promise<CityTwin> | null = null;
  private sensorsPromise: Promise<SignsCity | null> | null = null;
  private packagePromise: Promise<CityPackage> | null = null;
  /** The model once loaded (features that only read it when it is there). */
  loadedModel: CityTwin | null = null;

  constructor(readonly url: string, readonly manifest: CityManifest) {}

  get name(): string { return this.manifest.name; }

  dem(): Promise<DemGrid | null> {
    return (this.demPromise ??= loadDem(this.url));
  }

  /** The city package (city.json checked; each part read on first use, with located errors). */
  package(): Promise<CityPackage> {
    return (this.packagePromise ??= CityPackage.open(fetchPackageReader(this.url)));
  }

  /**
   * The city's sensors with their units (null when the city has none): the package's registry
   * (sensors.json, else placed by the simulator's rules), read the same way the feed simulator
   * reads it, so ids and topics agree. `registry.synthetic` says whether they are simulated.
   */
  sensors(): Promise<SignsCity | null> {
    return (this.sensorsPromise ??= this.package().then(async (pkg) => {
      const [registry, units] = await Promise.all([cityRegistry(pkg), pkg.units()]);
      return registry.sensors.length ? { registry, units } : null;
    }));
  }

  /** Stations, vehicles, hospitals and shelters (all empty when the city lists none). */
  async resources(): Promise<ResourcesFile> {
    return (await this.package()).resources();
  }

  /** Buildings, units and addresses (tens of MB for a big city: loaded once, in the background). */
  model(): Promise<CityTwin> {
    return (this.modelPromise ??= loadTwinModel(this.url, this.manifest).then((m) => (this.loadedModel = m)));
  }
}
