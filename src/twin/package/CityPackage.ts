import { DemGrid, type DemHeader } from '../../geo/DemGrid';
import { LocalFrame } from '../../geo/LocalFrame';
import { SchemaValidator } from '../../schema/SchemaValidator';
import type { BuildingRecord } from '../BuildingRecord';
import type { PlaneRoad } from '../PlaneRoad';
import type { PlaneUnit } from '../PlaneUnit';
import { CITY_PACKAGE_SCHEMA } from './cityPackageSchema';
import type { AddressRecord, AddressesFile, CityManifest, ResourcesFile, SensorsFile } from './packageRecords';
import { ADDRESSES_FILE_SCHEMA, RESOURCES_FILE_SCHEMA, SENSORS_FILE_SCHEMA } from './partSchemas';
import type { PackageReader } from './PackageReader';
import { parsePackageJson, readValidatedJson, throwIssues } from './readPackageJson';
import { readBuildings } from './readBuildings';
import { readGeoJsonPart } from './readGeoJsonPart';
import { readRoads, readWater, type WaterBody } from './readLines';
import { readPois, type PoiRecord } from './readPois';
import { readUnits } from './readUnits';
import type { UnplacedIssue } from '../../schema/SchemaValidator';

const manifestSchema = new SchemaValidator(CITY_PACKAGE_SCHEMA);
const sensorsSchema = new SchemaValidator(SENSORS_FILE_SCHEMA);
const resourcesSchema = new SchemaValidator(RESOURCES_FILE_SCHEMA);
const addressesSchema = new SchemaValidator(ADDRESSES_FILE_SCHEMA);

/** Resources of a city with none: dispatch says so instead of inventing stations. */
const NO_RESOURCES: ResourcesFile = { stations: [], vehicles: [], hospitals: [], shelters: [] };

/**
 * One city package (`tilesets/<city>/`), opened from disk (node) or a URL (browser) through a
 * PackageReader: the manifest checked on open, each part read, checked and converted to plane
 * records on first use and kept. A part the manifest does not list is empty (null for sensors):
 * the city does not have it. Every error names the file, the JSON pointer (feature and field) and,
 * where it can, the line.
 */
export class CityPackage {
  readonly frame: LocalFrame;
  private readonly memo = new Map<string, Promise<unknown>>();

  private constructor(readonly reader: PackageReader, readonly manifest: CityManifest) {
    this.frame = new LocalFrame(manifest.origin.lonDeg, manifest.origin.latDeg);
  }

  /** Reads and validates `city.json`; throws CityPackageError (or PackageFileMissing) naming it. */
  static async open(reader: PackageReader): Promise<CityPackage> {
    const file = `${reader.location}/city.json`;
    const text = await reader.text('city.json');
    const value = parsePackageJson(text, file);
    throwIssues(manifestSchema.issues(value), text, file);
    return new CityPackage(reader, value as CityManifest);
  }

  get name(): string {
    return this.manifest.name;
  }

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let p = this.memo.get(key) as Promise<T> | undefined;
    if (!p) this.memo.set(key, (p = load()));
    return p;
  }

  /** Parses a GeoJSON part and converts it, throwing its located issues (readGeoJsonPart: any size). */
  private geoJson<T>(path: string, convert: (doc: unknown) => T & { issues: UnplacedIssue[] }): Promise<T> {
    return readGeoJsonPart(this.reader, path, convert);
  }

  buildings(): Promise<BuildingRecord[]> {
    return this.once('buildings', async () => (await this.geoJson(this.manifest.buildings.table, (d) => readBuildings(d, this.frame))).buildings);
  }

  /** The root and every unit of every tier (plane rings). */
  units(): Promise<PlaneUnit[]> {
    const u = this.manifest.units;
    return this.once('units', async () => (await this.geoJson(u.file, (d) => readUnits(d, this.frame, u.tiers, u.rootId))).units);
  }

  roads(): Promise<PlaneRoad[]> {
    const r = this.manifest.roads;
    return this.once('roads', async () => (r ? (await this.geoJson(r.lines, (d) => readRoads(d, this.frame))).roads : []));
  }

  water(): Promise<WaterBody[]> {
    const w = this.manifest.water;
    return this.once('water', async () => (w ? (await this.geoJson(w.file, (d) => readWater(d, this.frame))).water : []));
  }

  pois(): Promise<PoiRecord[]> {
    const p = this.manifest.pois;
    return this.once('pois', async () => (p ? (await this.geoJson(p.file, readPois)).pois : []));
  }

  dem(): Promise<DemGrid> {
    const t = this.manifest.terrain;
    return this.once('dem', async () => {
      const header = parsePackageJson(await this.reader.text(t.dem), `${this.reader.location}/${t.dem}`) as DemHeader;
      const bytes = await this.reader.bytes(t.heights);
      const heights = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      try {
        return new DemGrid(header, heights);
      } catch (err) {
        throw new Error(`${this.reader.location}/${t.heights}: ${(err as Error).message} (header ${t.dem})`);
      }
    });
  }

  /** The sensor registry file, or null when the city lists none. */
  sensors(): Promise<SensorsFile | null> {
    const s = this.manifest.sensors;
    return this.once('sensors', () => (s ? readValidatedJson<SensorsFile>(this.reader, s.file, sensorsSchema) : Promise.resolve(null)));
  }

  /** Stations, vehicles, hospitals and shelters; all empty when the city lists none. */
  resources(): Promise<ResourcesFile> {
    const r = this.manifest.resources;
    return this.once('resources', () => (r ? readValidatedJson<ResourcesFile>(this.reader, r.file, resourcesSchema) : Promise.resolve(NO_RESOURCES)));
  }

  addresses(): Promise<AddressRecord[]> {
    const a = this.manifest.addresses;
    return this.once('addresses', async () => (a ? (await readValidatedJson<AddressesFile>(this.reader, a.file, addressesSchema)).addresses.slice() : []));
  }

  /** The routable road graph's bytes (network.bin), or null when the city has none. */
  network(): Promise<Uint8Array | null> {
    const n = this.manifest.roads?.network;
    return this.once('network', () => (n ? this.reader.bytes(n) : Promise.resolve(null)));
  }
}
