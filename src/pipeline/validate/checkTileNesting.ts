import { boxExtent } from '../tiles/tilesetBox';

/** A tile of a tileset.json as far as nesting is concerned (box bounding volumes only). */
interface TileJson {
  boundingVolume: { box?: number[] };
  geometricError: number;
  content?: { uri: string; boundingVolume?: { box?: number[] } };
  children?: TileJson[];
}

export interface NestingReport {
  tiles: number;
  contents: number;
  /** One line per violation: the tile's JSON path and what pokes out by how much (m). */
  issues: string[];
}

/** How far (m) box `inner` reaches outside box `outer` along any axis (<= 0 when inside). */
function overhangM(inner: number[], outer: number[]): number {
  const a = boxExtent(inner), b = boxExtent(outer);
  return Math.max(b[0] - a[0], b[1] - a[1], b[2] - a[2], a[3] - b[3], a[4] - b[4], a[5] - b[5]);
}

/**
 * Checks a tileset whose volumes are axis-aligned boxes in one frame: every content box inside its
 * tile's box, every child box inside its parent's, geometric errors never rising down the tree.
 * A box may poke out by no more than `relTol` of its largest coordinate (float noise, not millimetres).
 */
export function checkTileNesting(tileset: { root: TileJson }, relTol = 1e-9): NestingReport {
  const report: NestingReport = { tiles: 0, contents: 0, issues: [] };
  const tol = (box: number[]) => relTol * Math.max(1, ...box.map(Math.abs));
  const visit = (t: TileJson, path: string, parent: TileJson | null) => {
    report.tiles++;
    const box = t.boundingVolume.box;
    if (!box) { report.issues.push(`${path}: not a box bounding volume`); return; }
    if (parent) {
      const over = overhangM(box, parent.boundingVolume.box!);
      if (over > tol(box)) report.issues.push(`${path}/boundingVolume: ${over.toFixed(6)} m outside its parent's box`);
      if (t.geometricError > parent.geometricError) report.issues.push(`${path}: geometricError ${t.geometricError} above its parent's ${parent.geometricError}`);
    }
    if (t.content) {
      report.contents++;
      const cbox = t.content.boundingVolume?.box;
      if (cbox) {
        const over = overhangM(cbox, box);
        if (over > tol(cbox)) report.issues.push(`${path}/content/boundingVolume (${t.content.uri}): ${over.toFixed(6)} m outside its tile's box`);
      }
    }
    (t.children ?? []).forEach((c, i) => visit(c, `${path}/children/${i}`, t));
  };
  visit(tileset.root, '/root', null);
  return report;
}
