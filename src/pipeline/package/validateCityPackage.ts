import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue } from '../../schema/JsonIssue';
import { jsonPositions } from '../../schema/jsonPositions';
import { placeIssues } from '../../schema/SchemaValidator';
import { decodeRoadGraph } from '../../route/roadGraphCodec';
import { CityPackage } from '../../twin/package/CityPackage';
import { nodePackageReader } from './openCityPackage';
import { packageCrossChecks } from './packageCrossChecks';

/** What `city validate` reports. */
export interface PackageValidation {
  dir: string;
  valid: boolean;
  /** One line per problem: `file:line:column: /pointer: expected ..., got ...`. */
  issues: string[];
  counts?: Record<string, number>;
}

/**
 * Checks a city package: city.json against its schema, every part file (schemas for the JSON
 * parts; feature and field checks for the GeoJSON parts; the DEM and network decode), the files the
 * manifest names exist, then the cross-references between parts. Every issue names the file, the
 * line (where the file has one) and the field.
 */
export async function validateCityPackage(dir: string): Promise<PackageValidation> {
  const reader = nodePackageReader(dir);
  const issues: string[] = [];
  let pkg: CityPackage;
  try {
    pkg = await CityPackage.open(reader);
  } catch (err) {
    return { dir, valid: false, issues: [(err as Error).message] };
  }
  const m = pkg.manifest;
  for (const f of [m.buildings.tileset, m.terrain.tileset]) if (!existsSync(join(dir, f))) issues.push(`${join(dir, 'city.json')}: ${f}: expected an existing file (the tileset city.json names)`);
  const part = async <T>(load: () => Promise<T>): Promise<T | null> => {
    try { return await load(); } catch (err) { issues.push((err as Error).message); return null; }
  };
  const [buildings, units, roads, sensors, resources] = await Promise.all([
    part(() => pkg.buildings()), part(() => pkg.units()), part(() => pkg.roads()), part(() => pkg.sensors()), part(() => pkg.resources()),
    part(() => pkg.dem()), part(() => pkg.water()), part(() => pkg.pois()), part(() => pkg.addresses()),
  ]);
  await part(async () => { const n = await pkg.network(); if (n) decodeRoadGraph(n, join(dir, m.roads!.network!)); });
  if (buildings && units && roads && resources) {
    for (const [file, list] of packageCrossChecks(m, { buildings, units, roadIds: new Set(roads.map((r) => r.id)), sensors: sensors ?? null, resources })) {
      const text = await reader.text(file);
      let positions;
      try { positions = jsonPositions(text); } catch { positions = undefined; }
      for (const i of placeIssues(list, positions)) issues.push(formatIssue(join(dir, file), i));
    }
  }
  return { dir, valid: issues.length === 0, issues, ...(issues.length ? {} : { counts: { ...m.counts } }) };
}
