/**
 * Why the building tree is explicit: measured on a written tileset. An implicit quadtree (3D Tiles
 * 1.1 implicit tiling) would save the tileset.json's tile list, but every tile's volume would be
 * its quadrant of the root box at the root's full height, and buildings straddling a quadrant edge
 * would poke out of it. This reports the tileset.json's size and parse time, and how much looser
 * the implicit volumes would be than the written (content-tight) boxes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { boxExtent, type Bounds3 } from '../src/pipeline/tiles/tilesetBox';

const volume = (b: Bounds3) => (b[3] - b[0]) * (b[4] - b[1]) * (b[5] - b[2]);

export function compareTreeLayouts(dir: string): object {
  const text = readFileSync(join(dir, 'tileset.json'), 'utf8');
  const t0 = performance.now();
  const json = JSON.parse(text);
  const parseMs = +(performance.now() - t0).toFixed(1);
  const r = boxExtent(json.root.boundingVolume.box);
  const side = Math.max(r[3] - r[0], r[4] - r[1]);
  const ratios: number[] = [];
  let tiles = 0, overhanging = 0, maxLevel = 0;
  const walk = (t: any) => {
    const [, level, xy] = /b\/(\d+)\/(\d+_\d+)\.glb$/.exec(t.content.uri)!;
    const [x, y] = xy.split('_').map(Number), cell = side / 2 ** Number(level);
    const implicit: Bounds3 = [r[0] + x * cell, r[1] + y * cell, r[2], r[0] + (x + 1) * cell, r[1] + (y + 1) * cell, r[5]];
    const tight = boxExtent(t.boundingVolume.box), content = boxExtent(t.content.boundingVolume.box);
    tiles++;
    maxLevel = Math.max(maxLevel, Number(level));
    ratios.push(volume(implicit) / volume(tight));
    if (content[0] < implicit[0] - 0.01 || content[1] < implicit[1] - 0.01 || content[3] > implicit[3] + 0.01 || content[4] > implicit[4] + 0.01) overhanging++;
    (t.children ?? []).forEach(walk);
  };
  walk(json.root);
  ratios.sort((a, b) => a - b);
  const fullTree = (4 ** (maxLevel + 1) - 1) / 3;
  return {
    explicit: { tilesetJsonBytes: text.length, parseMs, tiles, levels: maxLevel + 1 },
    implicitAlternative: {
      medianVolumeOverTightBox: +ratios[ratios.length >> 1].toFixed(2),
      p90VolumeOverTightBox: +ratios[Math.floor(ratios.length * 0.9)].toFixed(2),
      contentsOutsideTheirQuadrant: overhanging,
      availableShareOfAFullTree: +(tiles / fullTree).toFixed(4),
    },
  };
}
