import { BufferAttribute, DataTexture, SRGBColorSpace, type BufferGeometry, type Mesh, type Object3D, type ShaderMaterial } from 'three';
import { cssToRgba } from './cssColor';
import type { WallLook } from './WallLook';
import type { TileModelHooks } from './WallTileset';

/** Texels per row of a tile's feature colour texture. */
const TEX_WIDTH = 256;

interface TileFeatures {
  mesh: Mesh;
  /** Building id of each feature index (row of the tile's property table). */
  ids: string[];
  texture: DataTexture;
  material: ShaderMaterial;
}

interface MetadataTable { getPropertyTableData(table: number, id: number, target?: object): Record<string, unknown> }

/**
 * Dresses each loaded building tile for the wall: per-vertex height above its building's base (for
 * the night glow), the building ids of its features (EXT_structural_metadata via the glTF plugin),
 * a feature colour texture (one texel per feature) and the wall's building material. Overlay
 * feature colours from any number of layers are merged (later layers win) into every tile's texture.
 */
export class BuildingFeatures implements TileModelHooks {
  private readonly tiles = new Map<Object3D, TileFeatures[]>();
  private readonly layers = new Map<string, ReadonlyMap<string, string>>();
  /** Merged overlay colours: building id -> packed sRGBA bytes. */
  private merged = new Map<string, number>();
  private readonly rgba = new Uint8Array(4);

  constructor(private readonly look: WallLook) {}

  onLoadModel(scene: Object3D): void {
    const list: TileFeatures[] = [];
    scene.traverse((o) => {
      const mesh = o as Mesh;
      const g = mesh.geometry as BufferGeometry | undefined;
      if (!(mesh as { isMesh?: boolean }).isMesh || !g?.attributes._feature_id_0) return;
      const count = addHeightAttribute(g);
      const ids = featureIds(mesh, count);
      const rows = Math.max(1, Math.ceil(count / TEX_WIDTH));
      const texture = new DataTexture(new Uint8Array(TEX_WIDTH * rows * 4), TEX_WIDTH, rows);
      texture.colorSpace = SRGBColorSpace;
      const material = this.look.buildingMaterial(texture);
      mesh.material = material;
      const t = { mesh, ids, texture, material };
      this.fill(t);
      list.push(t);
    });
    if (list.length) this.tiles.set(scene, list);
  }

  onDisposeModel(scene: Object3D): void {
    for (const t of this.tiles.get(scene) ?? []) { t.texture.dispose(); t.material.dispose(); }
    this.tiles.delete(scene);
  }

  /** Sets (or with null removes) one overlay layer's colours by building id and refreshes every tile. */
  setLayer(layerId: string, colors: ReadonlyMap<string, string> | null): void {
    if (colors) this.layers.set(layerId, colors); else this.layers.delete(layerId);
    const merged = new Map<string, number>();
    for (const layer of this.layers.values()) {
      for (const [id, css] of layer) {
        cssToRgba(css, this.rgba);
        merged.set(id, ((this.rgba[0] << 24) | (this.rgba[1] << 16) | (this.rgba[2] << 8) | this.rgba[3]) >>> 0);
      }
    }
    this.merged = merged;
    for (const list of this.tiles.values()) for (const t of list) this.fill(t);
  }

  private fill(t: TileFeatures): void {
    const data = t.texture.image.data as Uint8Array;
    data.fill(0);
    for (let i = 0; i < t.ids.length; i++) {
      const c = this.merged.get(t.ids[i]);
      if (c === undefined) continue;
      data[i * 4] = c >>> 24; data[i * 4 + 1] = (c >>> 16) & 255; data[i * 4 + 2] = (c >>> 8) & 255; data[i * 4 + 3] = c & 255;
    }
    t.texture.needsUpdate = true;
  }

  /** Number of building features in loaded tiles, and how many of them carry an overlay colour. */
  stats(): { features: number; coloured: number } {
    let features = 0, coloured = 0;
    for (const list of this.tiles.values()) for (const t of list) {
      features += t.ids.length;
      for (const id of t.ids) if (this.merged.has(id)) coloured++;
    }
    return { features, coloured };
  }

  dispose(): void {
    for (const scene of [...this.tiles.keys()]) this.onDisposeModel(scene);
    this.layers.clear();
    this.merged.clear();
  }
}

/**
 * Adds `aHeight` (height above the building's base, building height; meters) from the positions
 * (glTF content is Y-up) and returns the feature count (largest feature index + 1).
 */
function addHeightAttribute(g: BufferGeometry): number {
  const pos = g.attributes.position, fid = g.attributes._feature_id_0;
  let count = 0;
  for (let i = 0; i < fid.count; i++) count = Math.max(count, fid.getX(i) + 1);
  const minY = new Float32Array(count).fill(Infinity), maxY = new Float32Array(count).fill(-Infinity);
  for (let i = 0; i < pos.count; i++) {
    const f = fid.getX(i), y = pos.getY(i);
    if (y < minY[f]) minY[f] = y;
    if (y > maxY[f]) maxY[f] = y;
  }
  const h = new Float32Array(pos.count * 2);
  for (let i = 0; i < pos.count; i++) {
    const f = fid.getX(i);
    h[i * 2] = pos.getY(i) - minY[f];
    h[i * 2 + 1] = maxY[f] - minY[f];
  }
  g.setAttribute('aHeight', new BufferAttribute(h, 2));
  return count;
}

function featureIds(mesh: Mesh, count: number): string[] {
  const meta = mesh.userData.structuralMetadata as MetadataTable | undefined;
  const ids = new Array<string>(count).fill('');
  if (!meta) return ids;
  const row: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) ids[i] = String(meta.getPropertyTableData(0, i, row).id ?? '');
  return ids;
}
