import {
  Cartesian3, ClassificationType, Color, DistanceDisplayCondition, ColorGeometryInstanceAttribute, GeometryInstance, GroundPrimitive, LabelCollection,
  LabelStyle, PerInstanceColorAppearance, PointPrimitiveCollection, PolygonGeometry, PolygonHierarchy, PolylineCollection, Primitive,
  Material, MaterialAppearance, PrimitiveCollection, Rectangle, RectangleGeometry, VerticalOrigin, Cartesian2, type Cesium3DTileset, type PointPrimitive, type Scene, type Viewer,
} from 'cesium';
import type { DemGrid } from '../../geo/DemGrid';
import { colorOf } from '../overlay/ColorScale';
import type { OverlayAdapter, OverlayImplFactories, OverlayLayerImpl } from '../overlay/OverlayAdapter';
import type { OverlayModel } from '../overlay/OverlayModel';
import { OverlaySync } from '../overlay/OverlaySync';
import { BuildingColorShader } from './BuildingColorShader';
import { Ground, linePositions } from './linePositions';
import type { BuildingColorLayer, FeatureColorLayer, HeatGridLayer, LabelLayer, LineLayer, OverlayLayer, PointLayer, PolygonLayer } from '../overlay/overlayLayers';

/** Heights above the ground (m): markers, lines and labels, as in the wall (src/view/three). */
const POINT_LIFT_M = 12, LINE_LIFT_M = 15, LABEL_LIFT_M = 40, LINE_STEP_M = 60;

function colorMaterial(css: string): Material {
  return Material.fromType('Color', { color: Color.fromCssColorString(css) });
}

/** What the primitive layers share: the scene, the group their primitives go in, the ground. */
interface Ctx { scene: Scene; group: PrimitiveCollection; ground: Ground }

/** Base of the primitive-backed layers: one primitive (collection) per layer, rebuilt on update. */
abstract class PrimitiveLayer<L extends OverlayLayer> implements OverlayLayerImpl<L> {
  protected primitive: { show: boolean; isDestroyed(): boolean } | null = null;
  private shown = false;
  constructor(protected readonly ctx: Ctx) {}
  initialize(): void {}
  protected abstract build(layer: L): { show: boolean; isDestroyed(): boolean };
  update(layer: L): void {
    this.remove();
    this.primitive = this.ctx.group.add(this.build(layer));
    this.primitive!.show = this.shown;
    this.ctx.scene.requestRender();
  }
  activate(): void { this.shown = true; if (this.primitive) this.primitive.show = true; this.ctx.scene.requestRender(); }
  deactivate(): void { this.shown = false; if (this.primitive) this.primitive.show = false; this.ctx.scene.requestRender(); }
  private remove(): void {
    if (this.primitive && !this.primitive.isDestroyed()) this.ctx.group.remove(this.primitive);
    this.primitive = null;
  }
  destroy(): void { this.remove(); this.ctx.scene.requestRender(); }
}

class PointsLayer extends PrimitiveLayer<PointLayer> {
  /** Pulsing markers (alerts): their outline breathes, redrawn by the adapter's pulse timer. */
  readonly pulsing: PointPrimitive[] = [];
  protected build(layer: PointLayer) {
    const c = new PointPrimitiveCollection();
    this.pulsing.length = 0;
    for (const p of layer.points) {
      const point = c.add({
        id: p.id, position: this.ctx.ground.position(p.lonDeg, p.latDeg, p.heightM, POINT_LIFT_M),
        color: Color.fromCssColorString(p.color), pixelSize: p.sizePx, outlineColor: Color.BLACK, outlineWidth: 1,
        disableDepthTestDistance: layer.depthTest ? undefined : Number.POSITIVE_INFINITY,
        distanceDisplayCondition: p.maxRangeM ? new DistanceDisplayCondition(0, p.maxRangeM) : undefined,
      });
      if (p.pulsing) this.pulsing.push(point);
    }
    return c;
  }
  /** Ring phase 0..1 -> outline width and alpha (as the wall's marker shader). */
  pulse(phase: number): void {
    for (const p of this.pulsing) {
      p.outlineWidth = 1 + 10 * phase;
      p.outlineColor = Color.fromAlpha(p.color, 1 - phase, p.outlineColor);
    }
  }
  get count(): number { return (this.primitive as PointPrimitiveCollection | null)?.length ?? 0; }
}

class LinesLayer extends PrimitiveLayer<LineLayer> {
  protected build(layer: LineLayer) {
    const c = new PolylineCollection();
    for (const l of layer.lines) c.add({ id: l.id, positions: linePositions(l, this.ctx.ground, LINE_LIFT_M, LINE_STEP_M), width: l.widthPx, material: colorMaterial(l.color) });
    return c;
  }
}

class PolygonsLayer extends PrimitiveLayer<PolygonLayer> {
  protected build(layer: PolygonLayer) {
    const group = new PrimitiveCollection();
    const solids = layer.polygons.filter((p) => p.extrude).map((p) => new GeometryInstance({
      id: p.id,
      geometry: new PolygonGeometry({
        polygonHierarchy: new PolygonHierarchy(Cartesian3.fromDegreesArray(Array.from(p.ringLonLatDeg))), height: p.extrude!.baseM, extrudedHeight: p.extrude!.topM,
      }),
      attributes: { color: ColorGeometryInstanceAttribute.fromColor(Color.fromCssColorString(p.fill).withAlpha(p.fillOpacity)) },
    }));
    if (solids.length) group.add(new Primitive({ geometryInstances: solids, appearance: new PerInstanceColorAppearance({ translucent: true, closed: true }), asynchronous: false }));
    const fills = layer.polygons.filter((p) => p.fillOpacity > 0 && !p.extrude).map((p) => new GeometryInstance({
      id: p.id,
      geometry: new PolygonGeometry({ polygonHierarchy: new PolygonHierarchy(Cartesian3.fromDegreesArray(Array.from(p.ringLonLatDeg))) }),
      attributes: { color: ColorGeometryInstanceAttribute.fromColor(Color.fromCssColorString(p.fill).withAlpha(p.fillOpacity)) },
    }));
    if (fills.length) group.add(new GroundPrimitive({ geometryInstances: fills, appearance: new PerInstanceColorAppearance({ flat: true, translucent: true }), classificationType: ClassificationType.BOTH }));
    const outlines = new PolylineCollection();
    for (const p of layer.polygons) {
      if (!p.outline || p.extrude) continue;
      const r = p.ringLonLatDeg, positions: Cartesian3[] = [];
      for (let i = 0; i <= r.length; i += 2) positions.push(this.ctx.ground.position(r[i % r.length], r[(i + 1) % r.length], undefined, LINE_LIFT_M));
      outlines.add({ positions, width: 2, material: colorMaterial(p.outline) });
    }
    group.add(outlines);
    return group;
  }
}

class HeatGridImpl extends PrimitiveLayer<HeatGridLayer> {
  /** The drape while shown (picks go through it: see CesiumOverlayAdapter.pickTransparent). */
  get shownPrimitive(): { show: boolean } | null { return this.primitive?.show ? this.primitive : null; }

  /**
   * One textured ground rectangle over the grid (a canvas with a pixel per cell, NaN transparent),
   * draped on the terrain and the buildings: a 400 x 400 viewshed is one primitive, not thousands.
   */
  protected build(layer: HeatGridLayer) {
    const canvas = document.createElement('canvas');
    canvas.width = layer.cols;
    canvas.height = layer.rows;
    const g = canvas.getContext('2d')!, img = g.createImageData(layer.cols, layer.rows), bytes = new Map<string, Color>();
    for (let j = 0; j < layer.rows; j++) {
      for (let i = 0; i < layer.cols; i++) {
        const v = layer.values[j * layer.cols + i], css = v === v ? colorOf(layer.scale, v) : null;
        if (!css) continue;
        let c = bytes.get(css);
        if (!c) bytes.set(css, (c = Color.fromCssColorString(css)));
        // Canvas row 0 is the north edge; grid row 0 the south.
        const o = ((layer.rows - 1 - j) * layer.cols + i) * 4;
        img.data[o] = Color.floatToByte(c.red); img.data[o + 1] = Color.floatToByte(c.green); img.data[o + 2] = Color.floatToByte(c.blue); img.data[o + 3] = 255;
      }
    }
    g.putImageData(img, 0, 0);
    const rectangle = Rectangle.fromDegrees(layer.westDeg, layer.southDeg, layer.eastDeg, layer.northDeg);
    return new GroundPrimitive({
      geometryInstances: new GeometryInstance({ geometry: new RectangleGeometry({ rectangle }) }),
      appearance: new MaterialAppearance({ material: Material.fromType('Image', { image: canvas, color: Color.WHITE.withAlpha(layer.opacity) }), translucent: true, flat: true }),
      classificationType: ClassificationType.BOTH,
    });
  }
}

class LabelsLayer extends PrimitiveLayer<LabelLayer> {
  protected build(layer: LabelLayer) {
    const c = new LabelCollection();
    for (const l of layer.labels) {
      c.add({
        id: l.id, text: l.text, position: this.ctx.ground.position(l.lonDeg, l.latDeg, l.heightM, LABEL_LIFT_M),
        font: "600 18px system-ui, 'Noto Sans CJK SC', sans-serif", fillColor: Color.fromCssColorString(l.color),
        showBackground: true, backgroundColor: Color.fromCssColorString('rgba(4,10,18,0.72)'), backgroundPadding: new Cartesian2(6, 3),
        style: LabelStyle.FILL, verticalOrigin: VerticalOrigin.BOTTOM, pixelOffset: new Cartesian2(0, -14), disableDepthTestDistance: Number.POSITIVE_INFINITY,
      });
    }
    return c;
  }
}

/** A building colour layer (by id or by city index): handed to the shader's compositor while active. */
class BuildingColorsImpl implements OverlayLayerImpl<FeatureColorLayer | BuildingColorLayer> {
  private layer: FeatureColorLayer | BuildingColorLayer | null = null;
  private active = false;
  constructor(private readonly id: string, private readonly colors: BuildingColorShader) {}
  initialize(): void {}
  update(layer: FeatureColorLayer | BuildingColorLayer): void { this.layer = layer; if (this.active) this.colors.setLayer(this.id, layer); }
  activate(): void { this.active = true; this.colors.setLayer(this.id, this.layer); }
  deactivate(): void { this.active = false; this.colors.setLayer(this.id, null); }
  destroy(): void { this.deactivate(); }
}

/**
 * The overlay model drawn by the Cesium workspace: point, polyline and label collections, ground
 * primitives for polygons and heat grids (draped on terrain and buildings), and a building style
 * for feature colours. Model changes are applied before the next frame (scene.preRender).
 */
export class CesiumOverlayAdapter implements OverlayAdapter {
  readonly group = new PrimitiveCollection();
  private readonly sync: OverlaySync;
  /** Every building colour layer, stacked into one state texture the buildings' shader reads. */
  readonly buildingColors: BuildingColorShader;
  private readonly offPreRender: () => void;
  private pulseTimer: ReturnType<typeof setInterval> | null = null;
  private disposed = false;

  /** `buildingCount`: the city's buildings (the state texture's initial size). */
  constructor(private readonly viewer: Viewer, buildings: Cesium3DTileset, dem: DemGrid | null, buildingCount = 0) {
    const scene = viewer.scene;
    scene.primitives.add(this.group);
    this.buildingColors = new BuildingColorShader(buildings, scene, buildingCount);
    const ctx: Ctx = { scene, group: this.group, ground: new Ground(dem) };
    const factories: OverlayImplFactories = {
      featureColors: (id) => new BuildingColorsImpl(id, this.buildingColors),
      buildingColors: (id) => new BuildingColorsImpl(id, this.buildingColors),
      points: () => {
        // Pulsing needs frames; the workspace renders on demand, so ask for ~6 per second while any
        // pulse (enough for a breathing ring, and it leaves a software-rendered page room to work).
        this.pulseTimer ??= setInterval(() => this.pulse(), 160);
        return new PointsLayer(ctx);
      },
      lines: () => new LinesLayer(ctx),
      polygons: () => new PolygonsLayer(ctx),
      heatGrid: () => new HeatGridImpl(ctx),
      labels: () => new LabelsLayer(ctx),
    };
    this.sync = new OverlaySync(factories, () => scene.requestRender());
    // The building colours are uploaded after the sync applied this frame's changes: the frame shows them.
    this.offPreRender = scene.preRender.addEventListener(() => { this.sync.sync(); this.buildingColors.flush(); });
  }

  private pulse(): void {
    let any = false;
    const phase = ((performance.now() / 1000) * 0.8) % 1;
    this.sync.forEach((l) => { if (l instanceof PointsLayer && l.pulsing.length) { l.pulse(phase); any = true; } });
    if (any) this.viewer.scene.requestRender();
  }

  attach(model: OverlayModel): void {
    this.sync.attach(model);
  }

  /**
   * The primitives a click should go through: the heat grids (a viewshed, a concentration grid) are
   * draped over the buildings and carry no id, and a classification primitive over 3D Tiles hides
   * the building under it from a pick even with allowPicking false (cesium#6633); the workspace
   * hides these during its pick pass only (CesiumWorkspace.pickThrough).
   */
  pickTransparent(): Array<{ show: boolean }> {
    const out: Array<{ show: boolean }> = [];
    this.sync.forEach((l) => { if (l instanceof HeatGridImpl && l.shownPrimitive) out.push(l.shownPrimitive); });
    return out;
  }

  /** The version each layer was last drawn at, and how many buildings carry an overlay colour. */
  diagnostics(): { drawn: Record<string, number>; colouredBuildings: number; points: number } {
    let points = 0;
    this.sync.forEach((l) => { if (l instanceof PointsLayer) points += l.count; });
    return { drawn: this.sync.drawnVersions(), colouredBuildings: this.buildingColors.stats().coloured, points };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.pulseTimer) clearInterval(this.pulseTimer);
    this.offPreRender();
    this.sync.dispose();
    this.buildingColors.dispose();
    if (!this.viewer.isDestroyed()) this.viewer.scene.primitives.remove(this.group);
  }
}
