import { Color, DataTexture, ShaderMaterial, type Plane, type Texture, Vector2, Vector3, Vector4, DoubleSide } from 'three';
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
  /** Section planes every building and terrain material clips by (shared array, changed in place). */
  readonly clipPlanes: Plane[] = [];
  private clipIntersection = false;
  private readonly clipped = new Set<ShaderMaterial>();
  private modeName: WallMode = 'night';
  private readonly empty = this.uniforms.uDrape.value;
  private readonly defaultSun = this.uniforms.uSunDir.value.clone();

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

  /**
   * The day look's light from the sun: a unit vector towards it in the city's ENU frame (x east,
   * y north, z up), or null for the wall's fixed afternoon sun. Below the horizon the ground and
   * walls get only their ambient part.
   */
  setSunDirection(enu: readonly [number, number, number] | null): void {
    const d = this.uniforms.uSunDir.value;
    if (!enu) d.copy(this.defaultSun);
    else d.set(enu[0], enu[2], -enu[1]).normalize();
  }

  /**
   * Clips the buildings and terrain by planes in scene coordinates (three keeps n·p + c >= 0):
   * `intersect` cuts only what lies outside every plane (e.g. one building's floors above N),
   * else what lies outside any. The renderer needs localClippingEnabled.
   */
  setClipping(planes: readonly Plane[], intersect: boolean): void {
    this.clipPlanes.splice(0, this.clipPlanes.length, ...planes);
    this.clipIntersection = intersect;
    for (const m of this.clipped) m.clipIntersection = intersect;
  }

  /** Gives a material the shared section planes; forgets it when it is disposed. */
  private clip(m: ShaderMaterial): ShaderMaterial {
    m.clipping = true;
    m.clippingPlanes = this.clipPlanes;
    m.clipIntersection = this.clipIntersection;
    this.clipped.add(m);
    m.addEventListener('dispose', () => this.clipped.delete(m));
    return m;
  }

  /** Material of one building tile: `state` is the city-wide colour state texture, `stateSize` its texels (shared by all tiles). */
  buildingMaterial(state: { value: DataTexture }, stateSize: { value: Vector2 }): ShaderMaterial {
    const u = this.uniforms;
    return this.clip(new ShaderMaterial({
      name: 'wall-building',
      vertexShader: buildingsVert, fragmentShader: buildingsFrag,
      uniforms: {
        uState: state, uStateSize: stateSize,
        uNight: u.uNight, uTime: u.uTime, uSunDir: u.uSunDir, uFogColor: u.uFogColor, uFogRangeM: u.uFogRangeM,
      },
    }));
  }

  /** Material of one terrain tile mesh, sampling its painted map and the shared ground drape. */
  terrainMaterial(map: Texture | null): ShaderMaterial {
    const u = this.uniforms;
    return this.clip(new ShaderMaterial({
      name: 'wall-terrain', side: DoubleSide,
      vertexShader: terrainVert, fragmentShader: terrainFrag,
      uniforms: {
        map: { value: map ?? this.empty }, uDrape: u.uDrape, uDrapeRect: u.uDrapeRect,
        uNight: u.uNight, uSunDir: u.uSunDir, uFogColor: u.uFogColor, uFogRangeM: u.uFogRangeM,
      },
    }));
  }

  dispose(): void {
    this.empty.dispose();
  }
}
