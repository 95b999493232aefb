import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { formatIssue } from '../../schema/JsonIssue';
import { placeIssues, SchemaValidator } from '../../schema/SchemaValidator';
import { CITY_PACKAGE_SCHEMA, CITY_PACKAGE_SCHEMA_FILE, CITY_PACKAGE_VERSION } from '../../twin/package/cityPackageSchema';
import type { CityManifest } from '../../twin/package/packageRecords';
import { writeCityIndex } from './writeCityIndex';

const validator = new SchemaValidator(CITY_PACKAGE_SCHEMA);

/** A manifest before writing: the writer adds the format, version, schema link and revision. */
export type ManifestDraft = Omit<CityManifest, 'format' | 'version' | 'revision' | '$schema'>;

/** The data files a manifest lists (tilesets excluded: their content follows from the data). */
function dataFiles(m: ManifestDraft): string[] {
  const files = [m.buildings.table, m.terrain.dem, m.terrain.heights, m.units.file];
  if (m.roads) files.push(m.roads.lines, ...(m.roads.network ? [m.roads.network] : []));
  for (const part of [m.water, m.addresses, m.sensors, m.resources, m.pois]) if (part) files.push(part.file);
  return files;
}

/**
 * Writes `dir/city.json`: the draft with the package format and version, a `$schema` link and a
 * revision hashed over every data file it lists (so result caches see any change of data). The
 * manifest is checked against its schema first: a writer bug fails here, not in a viewer. A
 * `tilesets/` folder above gets a fresh `cities.json` (see writeCityIndex).
 */
export function writeCityManifest(dir: string, draft: ManifestDraft): CityManifest {
  const hash = createHash('sha256');
  for (const f of dataFiles(draft)) {
    hash.update(f);
    hash.update(readFileSync(join(dir, f)));
  }
  const manifest = {
    $schema: `../../${CITY_PACKAGE_SCHEMA_FILE}`, format: 'rongcheng-city', version: CITY_PACKAGE_VERSION,
    ...draft, revision: hash.digest('hex').slice(0, 16),
  } as CityManifest;
  const issues = validator.issues(manifest);
  if (issues.length) throw new Error(`writeCityManifest: the manifest does not match its schema:\n${placeIssues(issues).map((i) => formatIssue('city.json', i)).join('\n')}`);
  writeFileSync(join(dir, 'city.json'), JSON.stringify(manifest, null, 2) + '\n');
  const parent = dirname(resolve(dir));
  if (basename(parent) === 'tilesets') writeCityIndex(parent);
  return manifest;
}
