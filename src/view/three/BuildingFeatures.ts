import { BufferAttribute, DataTexture, SRGBColorSpace, Vector2, type BufferGeometry, type Mesh, type Object3D, type ShaderMaterial } from 'three';
import { BuildingColorCompositor, STATE_TEXTURE_WIDTH } from '../overlay/BuildingColorCompositor';
import type { BuildingColorLayer, FeatureColorLayer } from '../overlay/overlayLayers';
import { cssToRgba } from './cssColor';
import type { WallLook } from './WallLook';
import type { TileModelHooks } from './WallTileset';

interface TileFeatures {
  mesh: Mesh;
  /** City index of each feature (row of the tile's property table). */
  indices: number[];
  material: ShaderMaterial;
}

interface MetadataTable { getPropertyTableData(table: number, id: number, target?: object): Record<string, unknown> }

/**
 * Dresses each loaded building tile for the wall: per-vertex height above its building's base (for
 * the night glow), the building ids and city indices of its features (EXT_structural_metadata via
 * the glTF plugin) and the wall's building material. Every building colour layer of the overlay is
 * stacked by a BuildingColorCompositor into one city-wide state texture (one texel per building,
 * read through the tiles' `_CITY_INDEX` attribute) that all tiles share: changing colours uploads
 * that texture, never a shader.
 */
export class BuildingFeatures implements TileModelHooks {
  private readonly tiles = new Map<Object3D, TileFeatures[]>();
  readonly compositor: BuildingColorCompositor;
  /** Shared by every tile's material: the state texture and its size in texels. */
  private readonly stateUniform: { value: DataTexture };
  private readonly sizeUniform = { value: new Vector2() };
  private sizeVersion = -1;
  /** Texture uploads so far, and the last recompose's time (ms; three uploads at the next render): tests and benches read them. */
  uploads = 0;
  lastFlushMs = 0;

  constructor(private readonly look: WallLook, buildings = 0) {
    this.compositor = new BuildingColorCompositor(cssToRgba, buildings);
    this.stateUniform = { value: this.newTexture() };
  }

  onLoadModel(scene: Object3D): void {
    const list: TileFeatures[] = [];
    scene.traverse((o) => {
      const mesh = o as Mesh;
      const g = mesh.geometry as BufferGeometry | undefined;
      if (!(mesh as { isMesh?: boolean }).isMesh || !g?.attributes._feature_id_0) return;
      const count = addHeightAttribute(g);
      const { ids, indices } = featureRows(mesh, count);
      if (!g.attributes._city_index) addCityIndexAttribute(g, indices);
      const material = this.look.buildingMaterial(this.stateUniform, this.sizeUniform);
      mesh.material = material;
      list.push({ mesh, indices, material });
      this.compositor.learn(ids, indices);
    });
    if (list.length) this.tiles.set(scene, list);
  }

  onDisposeModel(scene: Object3D): void {
    for (const t of this.tiles.get(scene) ?? []) t.material.dispose();
    this.tiles.delete(scene);
  }

  /** Sets (or with null removes) one building colour layer. */
  setLayer(layerId: string, layer: FeatureColorLayer | BuildingColorLayer | null): void {
    this.compositor.setLayer(layerId, layer);
  }

  /** Before a frame: recompose when a layer changed and upload the state texture. */
  flush(): void {
    const t0 = performance.now();
    if (!this.compositor.compose()) return;
    if (this.compositor.sizeVersion !== this.sizeVersion) {
      this.stateUniform.value.dispose();
      this.stateUniform.value = this.newTexture();
    }
    this.stateUniform.value.needsUpdate = true;
    this.uploads++;
    this.lastFlushMs = performance.now() - t0;
  }

  private newTexture(): DataTexture {
    const c = this.compositor;
    this.sizeVersion = c.sizeVersion;
    const texture = new DataTexture(c.state, STATE_TEXTURE_WIDTH, c.rows);
    texture.colorSpace = SRGBColorSpace;
    texture.needsUpdate = true;
    this.sizeUniform.value.set(STATE_TEXTURE_WIDTH, c.rows);
    return texture;
  }

  /** Number of building features in loaded tiles, how many of them carry an overlay colour and how many are hidden. */
  stats(): { features: number; coloured: number; hidden: number } {
    let features = 0, coloured = 0, hidden = 0;
    for (const list of this.tiles.values()) for (const t of list) {
      features += t.indices.length;
      coloured += this.compositor.countColoured(t.indices);
      hidden += this.compositor.countHidden(t.indices);
    }
    return { features, coloured, hidden };
  }

  dispose(): void {
    for (const scene of [...this.tiles.keys()]) this.onDisposeModel(scene);
    this.stateUniform.value.dispose();
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

/** Building id and city index of each feature of a tile (index -1 when the tileset lacks it). */
function featureRows(mesh: Mesh, count: number): { ids: string[]; indices: number[] } {
  const meta = mesh.userData.structuralMetadata as MetadataTable | undefined;
  const ids = new Array<string>(count).fill(''), indices = new Array<number>(count).fill(-1);
  if (!meta) return { ids, indices };
  const row: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    const r = meta.getPropertyTableData(0, i, row);
    ids[i] = String(r.id ?? '');
    indices[i] = typeof r.index === 'number' ? r.index : -1;
  }
  return { ids, indices };
}

/** Tiles written before the `_CITY_INDEX` attribute: derive it from the property table's index column. */
function addCityIndexAttribute(g: BufferGeometry, indices: number[]): void {
  const fid = g.attributes._feature_id_0, out = new Float32Array(fid.count);
  for (let i = 0; i < fid.count; i++) out[i] = indices[fid.getX(i)] ?? -1;
  g.setAttribute('_city_index', new BufferAttribute(out, 1));
}
