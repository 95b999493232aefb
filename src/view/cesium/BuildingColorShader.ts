import {
  Color, CustomShader, VaryingType, TextureMagnificationFilter, TextureMinificationFilter, TextureUniform, UniformType, Cartesian2,
  type Cesium3DTile, type Cesium3DTileset, type Scene,
} from 'cesium';
import { BuildingColorCompositor, HIDDEN_ALPHA, STATE_TEXTURE_WIDTH } from '../overlay/BuildingColorCompositor';
import type { BuildingColorLayer, FeatureColorLayer } from '../overlay/overlayLayers';

/**
 * The building tiles' `_CITY_INDEX` attribute (see tileBuildings) is each building's texel in the
 * city-wide state texture. The texel is read in the vertex shader, where highp is guaranteed (a
 * fragment shader may have only mediump, exact to 2,048), and handed to the fragment as a colour:
 * all vertices of a building carry the same index, so the varying is that texel's colour. Row and
 * column are whole numbers, exact up to 2^24 buildings: the row is floored half a texel into it,
 * so a division that lands just below a whole row still finds it. The overlay colour is blended
 * over the lit material by its alpha; CSS colours are sRGB, the material is linear. A texel with
 * the reserved alpha HIDDEN_ALPHA (1/255) is a hidden building: discarded, so it is neither
 * drawn, picked nor casts a shadow.
 */
const VERTEX = `
void vertexMain(VertexInput vsInput, inout czm_modelVertexOutput vsOutput) {
  float i = floor(vsInput.attributes.city_index + 0.5);
  float row = floor((i + 0.5) / u_stateSize.x);
  float col = i - row * u_stateSize.x;
  v_overlay = texture(u_state, (vec2(col, row) + 0.5) / u_stateSize);
}`;

const FRAGMENT = `
void fragmentMain(FragmentInput fsInput, inout czm_modelMaterial material) {
  vec4 c = v_overlay;
  if (abs(c.a * 255.0 - ${HIDDEN_ALPHA.toFixed(1)}) < 0.5) discard;
  material.diffuse = mix(material.diffuse, czm_srgbToLinear(c.rgb), c.a);
}`;

const scratch = new Color();
/** Cesium's CSS parser, to 4 sRGB bytes (the same colours the workspace always parsed). */
function cssToBytes(css: string, out: Uint8Array, offset: number): void {
  const c = Color.fromCssColorString(css, scratch);
  if (!c) throw new Error(`not a CSS colour: '${css}'`);
  out[offset] = Color.floatToByte(c.red); out[offset + 1] = Color.floatToByte(c.green);
  out[offset + 2] = Color.floatToByte(c.blue); out[offset + 3] = Color.floatToByte(c.alpha);
}

/** Calls `visit` for every tile under `tile` whose content is loaded. */
function visitLoaded(tile: Cesium3DTile | undefined, visit: (t: Cesium3DTile) => void): void {
  if (!tile) return;
  // contentReady is Cesium's (private) "content loaded and ready" flag.
  if ((tile as unknown as { contentReady: boolean }).contentReady && tile.content.featuresLength > 0) visit(tile);
  for (const child of tile.children) visitLoaded(child, visit);
}

interface PrivateTexture { width: number; height: number; copyFrom(o: { source: { width: number; height: number; arrayBufferView: Uint8Array } }): void }
interface TextureManagerAccess { _textureManager: { getTexture(id: string): PrivateTexture | undefined } }

/**
 * Every building colour of the workspace, through one CustomShader on the buildings tileset: the
 * overlay's building colour layers are stacked by a BuildingColorCompositor into one state
 * texture (one texel per building), updated in place when colours change (`flush`, before each
 * frame). No Cesium3DTileStyle and no shader rebuild: restyling 10^5 buildings costs one texture
 * upload.
 */
export class BuildingColorShader {
  readonly compositor: BuildingColorCompositor;
  readonly shader: CustomShader;
  private sizeVersion = -1;
  private readonly offs: Array<() => void> = [];
  /** City indices of the buildings in loaded tiles (for stats). */
  private readonly loaded = new Map<Cesium3DTile, number[]>();
  /** Texture uploads so far, and the last recompose + upload's time (ms): tests and the restyle bench read them. */
  uploads = 0;
  lastFlushMs = 0;

  constructor(private readonly tileset: Cesium3DTileset, private readonly scene: Scene, buildings: number) {
    this.compositor = new BuildingColorCompositor(cssToBytes, buildings);
    this.shader = new CustomShader({
      vertexShaderText: VERTEX,
      fragmentShaderText: FRAGMENT,
      varyings: { v_overlay: VaryingType.VEC4 },
      uniforms: {
        u_state: { type: UniformType.SAMPLER_2D, value: this.textureUniform() },
        u_stateSize: { type: UniformType.VEC2, value: new Cartesian2(STATE_TEXTURE_WIDTH, this.compositor.rows) },
      },
    });
    this.sizeVersion = this.compositor.sizeVersion;
    tileset.customShader = this.shader;
    // Tiles loaded before the shader was attached (the tileset loads with the view).
    visitLoaded(tileset.root, (tile) => this.learn(tile));
    this.offs.push(
      tileset.tileLoad.addEventListener((tile: Cesium3DTile) => this.learn(tile)),
      tileset.tileUnload.addEventListener((tile: Cesium3DTile) => { this.loaded.delete(tile); }),
    );
  }

  setLayer(id: string, layer: FeatureColorLayer | BuildingColorLayer | null): void {
    this.compositor.setLayer(id, layer);
    this.scene.requestRender();
  }

  /** Loaded building features, how many of them carry an overlay colour and how many are hidden. */
  stats(): { features: number; coloured: number; hidden: number } {
    let features = 0;
    for (const list of this.loaded.values()) features += list.length;
    const all = [...this.loaded.values()].flat();
    return { features, coloured: this.compositor.countColoured(all), hidden: this.compositor.countHidden(all) };
  }

  private learn(tile: Cesium3DTile): void {
    const content = tile.content;
    const n = content.featuresLength, ids: string[] = new Array(n), indices: number[] = new Array(n);
    for (let k = 0; k < n; k++) {
      const f = content.getFeature(k);
      ids[k] = String(f.getProperty('id') ?? '');
      indices[k] = Number(f.getProperty('index') ?? -1);
    }
    this.loaded.set(tile, indices);
    this.compositor.learn(ids, indices);
    this.scene.requestRender();
  }

  /**
   * Before a frame, after the overlay's changes of that frame were applied (setLayer): recompose
   * if a layer changed and upload the state in place, so the frame drawn next shows it. The
   * owner calls it (CesiumOverlayAdapter, in scene.preRender after its OverlaySync): a listener of
   * its own would run before or after the sync by the order of subscription, and before it, a
   * change would show one frame late.
   */
  flush(): void {
    const t0 = performance.now();
    if (!this.compositor.compose()) return;
    const c = this.compositor;
    const texture = (this.shader as unknown as TextureManagerAccess)._textureManager.getTexture('u_state');
    if (c.sizeVersion !== this.sizeVersion || !texture || texture.height !== c.rows) {
      this.sizeVersion = c.sizeVersion;
      this.shader.setUniform('u_state', this.textureUniform());
      this.shader.setUniform('u_stateSize', new Cartesian2(STATE_TEXTURE_WIDTH, c.rows));
    } else {
      texture.copyFrom({ source: { width: STATE_TEXTURE_WIDTH, height: c.rows, arrayBufferView: c.state } });
    }
    this.uploads++;
    this.lastFlushMs = performance.now() - t0;
  }

  private textureUniform(): TextureUniform {
    return new TextureUniform({
      typedArray: this.compositor.state, width: STATE_TEXTURE_WIDTH, height: this.compositor.rows, repeat: false,
      minificationFilter: TextureMinificationFilter.NEAREST, magnificationFilter: TextureMagnificationFilter.NEAREST,
    });
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
    if (!this.tileset.isDestroyed() && this.tileset.customShader === this.shader) this.tileset.customShader = undefined;
    this.shader.destroy();
  }
}
