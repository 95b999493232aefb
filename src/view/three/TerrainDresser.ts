import type { Material, Mesh, Object3D, ShaderMaterial, Texture } from 'three';
import type { TileModelHooks } from './WallTileset';
import type { WallLook } from './WallLook';

/** Gives each loaded terrain tile the wall's terrain material (its painted map, the drape, day/night). */
export class TerrainDresser implements TileModelHooks {
  private readonly materials = new Map<Object3D, ShaderMaterial[]>();

  constructor(private readonly look: WallLook) {}

  onLoadModel(scene: Object3D): void {
    const list: ShaderMaterial[] = [];
    scene.traverse((o) => {
      const mesh = o as Mesh;
      if (!(mesh as { isMesh?: boolean }).isMesh) return;
      // The original material (and its map) stays listed with the tile: the tiles renderer frees them.
      const map = (mesh.material as Material & { map?: Texture | null }).map ?? null;
      const m = this.look.terrainMaterial(map);
      mesh.material = m;
      list.push(m);
    });
    this.materials.set(scene, list);
  }

  onDisposeModel(scene: Object3D): void {
    for (const m of this.materials.get(scene) ?? []) m.dispose();
    this.materials.delete(scene);
  }

  dispose(): void {
    for (const scene of [...this.materials.keys()]) this.onDisposeModel(scene);
  }
}
