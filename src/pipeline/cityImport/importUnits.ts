import type { Position } from 'geojson';
import type { LocalFrame } from '../../geo/LocalFrame';
import type { PlaneUnit } from '../../twin/PlaneUnit';
import type { ImportReport } from '../import/ImportReport';
import { deriveGrid, type PlaneBox } from './deriveGrid';
import type { ImportConfig } from './ImportConfig';
import { importTiers } from './importTiers';
import type { BboxLonLat, LonLatUnit } from './LonLatUnit';
import type { SourceContext } from './sources/readSourceFeatures';

/** The city's units in its plane (root first), and how each tier came about. */
export interface ImportedUnits {
  units: PlaneUnit[];
  rootId: string;
  tierNames: Partial<Record<PlaneUnit['level'], [string, string]>>;
  derived: string[];
}

/**
 * The spatial units of an import: the configured tiers (clipped to the extent), grid cells derived
 * when no grid tier is given (cut by the finest tier), and the city root over the whole extent.
 */
export async function importUnits(config: ImportConfig, ctx: SourceContext, frame: LocalFrame, area: { plane: PlaneBox; bbox: BboxLonLat }, report: ImportReport): Promise<ImportedUnits> {
  const { bbox } = area;
  const tiers = config.units ?? [];
  const given = await importTiers(tiers, ctx, bbox, report);
  const derived: string[] = [];
  const rootId = config.name;
  const tierNames: ImportedUnits['tierNames'] = {};
  for (const t of tiers) if (t.name) tierNames[t.level] = [t.name, t.namePinyin ?? t.name];
  let all: LonLatUnit[] = given;
  if (!tiers.some((t) => t.level === 'grid')) {
    const finest = tiers.length ? given.filter((u) => u.level === tiers[tiers.length - 1].level) : [];
    const cell = config.grid?.cellSizeM ?? 500;
    const grid = deriveGrid(finest, rootId, frame, area.plane, cell);
    derived.push(`${grid.length} grid cells of ${cell} m derived over the buildings' extent${finest.length ? `, cut by the ${finest.length} units of tier ${tiers[tiers.length - 1].level}` : ' under the city (no units given)'}`);
    all = [...given, ...grid];
  }
  if (tiers.length === 0) derived.push('no spatial units given: the city is the root of a regular grid');
  const toPlane = (ring: Position[]) => ring.map(([lon, lat]) => frame.toPlane(lon, lat));
  const [w, s, e, n] = bbox;
  const root: PlaneUnit = { id: rootId, level: 'city', name: config.title, namePinyin: config.title, parentId: null, rings: [toPlane([[w, s], [e, s], [e, n], [w, n], [w, s]])] };
  const units = all.map((u): PlaneUnit => ({ id: u.id, level: u.level, name: u.name, namePinyin: u.namePinyin, parentId: u.parentId ?? rootId, rings: u.polygons.map((p) => toPlane(p[0])) }));
  return { units: [root, ...units], rootId, tierNames, derived };
}
