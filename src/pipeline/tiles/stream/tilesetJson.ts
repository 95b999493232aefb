import type { LocalFrame } from '../../../geo/LocalFrame';
import { boxOf, unionBounds, type Bounds3 } from '../tilesetBox';
import type { BuildingStats } from './BuildingStats';
import type { TileNode } from './planTileTree';
import type { WrittenTile } from './TileWriter';

/**
 * The explicit tileset.json of a written building tree: one REPLACE tree in the city's ENU frame,
 * each tile's box enclosing its content's and its children's (rounded outward, so nested exactly),
 * geometric errors from `errors` (0 at the leaves; a parent's never below its children's), the
 * height range as a tileset property.
 */
export function tilesetJson(
  root: TileNode, written: ReadonlyMap<string, WrittenTile>, errors: ReadonlyMap<TileNode, number>,
  frame: LocalFrame, stats: BuildingStats, tilesetErrorPerRootError: number,
): Record<string, unknown> {
  const visit = (node: TileNode): { json: Record<string, unknown>; bounds: Bounds3 } => {
    const uri = `b/${node.level}/${node.x}_${node.y}.glb`;
    const content = written.get(uri);
    if (!content) throw new Error(`tiler: tile ${uri} was planned but not written`);
    const children = node.children.map(visit);
    const bounds = children.reduce((b, c) => unionBounds(b, c.bounds), content.bounds);
    const json: Record<string, unknown> = {
      boundingVolume: boxOf(bounds),
      geometricError: Math.max(errors.get(node) ?? 0, ...children.map((c) => c.json.geometricError as number)),
      content: { uri, boundingVolume: boxOf(content.bounds) },
    };
    if (children.length) json.children = children.map((c) => c.json);
    return { json, bounds };
  };
  const top = visit(root).json;
  let min = Infinity, max = -Infinity;
  for (const h of stats.heightM) { if (h < min) min = h; if (h > max) max = h; }
  return {
    asset: { version: '1.1', generator: 'rongcheng-twin pipeline' },
    properties: { height: { minimum: min, maximum: max } },
    geometricError: (top.geometricError as number) * tilesetErrorPerRootError,
    root: { boundingVolume: top.boundingVolume, transform: frame.enuToEcefMatrix(), geometricError: top.geometricError, refine: 'REPLACE', content: top.content, children: top.children },
  };
}
