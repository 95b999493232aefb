import { Color, DataTexture, ShaderMaterial, type Texture, Vector2, Vector3, Vector4, DoubleSide } from 'three';
import buildingsVert from '../../../shaders/buildings.vert?raw';
import buildingsFrag from '../../../shaders/buildings.frag?raw';
import terrainVert from '../../../shaders/terrain.vert?raw';
import terrainFrag from '../../../shaders/terrain.frag?raw';

export type WallMode = 'night' | 'day';

const NIGHT_BG = new Color('#02060d');
const DAY_BG = new Color('#a9c4d8');

/** A 1x1 transparent texture: the drape before anything is draped. */
function emptyTexture(): DataTexture {
  const t = new DataTexture(new Uint8Array(4), 1, 1);
  t.needsUpdate = true;
  return t;
}

/**
 * The wall's look: the uniforms every wall material shares (mode, time, sun, fog, ground drape) and
 * the per-tile materials built on them. Switching day/night changes one uniform, no recompiles.
 */
export class WallLook {
  readonly uniforms = {
    uNight: { value: 1 },
    uTime: { value: 0 },
    uSunDir: { value: new Vector3(-0.45, 0.8, 0.4).normalize() },
    uFogColor: { value: NIGHT_BG.clone() },
    /** Fog from .x to .y meters from the camera. */
    uFogRangeM: { value: new Vector2(9000, 30000) },
    uDrape: { value: emptyTexture() as Texture },
    /** Scene xMin, zMin, xMax, zMax (m) the drape covers. */
    uDrapeRect: { value: new Vector4(0, 0, 1, 1) },
  };
  readonly background = NIGHT_BG.clone();
  private modeName: WallMode = 'night';
  private readonly empty = this.uniforms.uDrape.value;

  get mode(): WallMode {
    return this.modeName;
  }

  setMode(mode: WallMode): void {
    if (mode !== 'night' && mode !== 'day') throw new Error(`wall mode must be 'night' or 'day' (got '${String(mode)}')`);
    this.modeName = mode;
    this.uniforms.uNight.value = mode === 'night' ? 1 : 0;
    this.background.copy(mode === 'night' ? NIGHT_BG : DAY_BG);
    this.uniforms.uFogColor.value.copy(this.background);
  }

  /** Fog distances for a camera this far (m) from what it looks at. */
  setFogForRange(rangeM: number): void {
    this.uniforms.uFogRangeM.value.set(Math.max(4000, rangeM * 1.6), Math.max(12000, rangeM * 5));
  }

  /** Material of one building tile mesh: its feature colour texture (one texel per feature) is its own. */
  /** Material of one building tile: `state` is the city-wide colour state texture, `stateSize` its texels (shared by all tiles). */
  buildingMaterial(state: { value: DataTexture }, stateSize: { value: Vector2 }): ShaderMaterial {
    const u = this.uniforms;
    return new ShaderMaterial({
      name: 'wall-building',
      vertexShader: buildingsVert, fragmentShader: buildingsFrag,
      uniforms: {
        uState: state, uStateSize: stateSize,
        uNight: u.uNight, uTime: u.uTime, uSunDir: u.uSunDir, uFogColor: u.uFogColor, uFogRangeM: u.uFogRangeM,
      },
    });
  }

  /** Material of one terrain tile mesh, sampling its painted map and the shared ground drape. */
  terrainMaterial(map: Texture | null): ShaderMaterial {
    const u = this.uniforms;
    return new ShaderMaterial({
      name: 'wall-terrain', side: DoubleSide,
      vertexShader: terrainVert, fragmentShader: terrainFrag,
      uniforms: {
        map: { value: map ?? this.empty }, uDrape: u.uDrape, uDrapeRect: u.uDrapeRect,
        uNight: u.uNight, uSunDir: u.uSunDir, uFogColor: u.uFogColor, uFogRangeM: u.uFogRangeM,
      },
    });
  }

  dispose(): void {
    this.empty.dispose();
  }
}
