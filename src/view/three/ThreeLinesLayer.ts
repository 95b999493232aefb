import { Color, Group, Vector3, type Object3D } from 'three';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import type { OverlayLayerImpl } from '../overlay/OverlayAdapter';
import type { LineLayer } from '../overlay/overlayLayers';
import type { SceneFrame } from './SceneFrame';

/**
 * Lines float this far above the DEM (m) and are split every STEP_M so they follow it. The coarse
 * terrain tiles seen from afar sit up to their geometric error (~6 m) off the DEM: 15 m clears them.
 */
const LIFT_M = 15;
const STEP_M = 60;
const a = new Vector3(), b = new Vector3(), p = new Vector3(), q = new Vector3();
const col = new Color();

/**
 * A line layer (routes, closures) in the wall: screen-space wide lines (three's LineSegments2),
 * one draw per distinct width, densified to follow the terrain; a line with `heightsM` (a sight
 * line) goes straight between its 3D vertices.
 */
export class ThreeLinesLayer implements OverlayLayerImpl<LineLayer> {
  private readonly group = new Group();
  private readonly parts: Array<{ mesh: LineSegments2; geometry: LineSegmentsGeometry; material: LineMaterial }> = [];

  constructor(id: string, private readonly parent: Object3D, private readonly frame: SceneFrame, private readonly resolution: { width: number; height: number }) {
    this.group.name = `overlay:${id}`;
  }

  initialize(): void {}

  update(layer: LineLayer): void {
    this.clear();
    const byWidth = new Map<number, { pos: number[]; col: number[] }>();
    for (const line of layer.lines) {
      let bucket = byWidth.get(line.widthPx);
      if (!bucket) byWidth.set(line.widthPx, (bucket = { pos: [], col: [] }));
      col.setStyle(line.color);
      const ll = line.lonLatDeg, hs = line.heightsM;
      if (hs) {
        // A 3D line (a sight line): straight between its vertices at their heights.
        for (let i = 0; i + 3 < ll.length; i += 2) {
          this.frame.toScene(ll[i], ll[i + 1], hs[i / 2], a);
          this.frame.toScene(ll[i + 2], ll[i + 3], hs[i / 2 + 1], b);
          bucket.pos.push(a.x, a.y, a.z, b.x, b.y, b.z);
          bucket.col.push(col.r, col.g, col.b, col.r, col.g, col.b);
        }
        continue;
      }
      for (let i = 0; i + 3 < ll.length; i += 2) {
        this.frame.toScene(ll[i], ll[i + 1], undefined, a, LIFT_M);
        this.frame.toScene(ll[i + 2], ll[i + 3], undefined, b, LIFT_M);
        const steps = Math.max(1, Math.ceil(a.distanceTo(b) / STEP_M));
        for (let s = 0; s < steps; s++) {
          this.along(ll, i, s / steps, p);
          this.along(ll, i, (s + 1) / steps, q);
          bucket.pos.push(p.x, p.y, p.z, q.x, q.y, q.z);
          bucket.col.push(col.r, col.g, col.b, col.r, col.g, col.b);
        }
      }
    }
    for (const [width, bucket] of byWidth) {
      const geometry = new LineSegmentsGeometry();
      geometry.setPositions(bucket.pos);
      geometry.setColors(bucket.col);
      const material = new LineMaterial({ linewidth: width, vertexColors: true, worldUnits: false });
      material.resolution.set(this.resolution.width, this.resolution.height);
      const mesh = new LineSegments2(geometry, material);
      mesh.renderOrder = 10;
      this.group.add(mesh);
      this.parts.push({ mesh, geometry, material });
    }
  }

  private along(ll: ArrayLike<number>, i: number, t: number, out: Vector3): Vector3 {
    return this.frame.toScene(ll[i] + (ll[i + 2] - ll[i]) * t, ll[i + 1] + (ll[i + 3] - ll[i + 1]) * t, undefined, out, LIFT_M);
  }

  /** Call when the drawing buffer changes size (line widths are in its pixels). */
  setResolution(width: number, height: number): void {
    for (const part of this.parts) part.material.resolution.set(width, height);
  }

  /** Number of line segments drawn (tests, diagnostics). */
  get segments(): number {
    return this.parts.reduce((s, part) => s + part.geometry.getAttribute('instanceStart').count, 0);
  }

  private clear(): void {
    for (const part of this.parts.splice(0)) {
      part.mesh.removeFromParent();
      part.geometry.dispose();
      part.material.dispose();
    }
  }

  activate(): void { this.parent.add(this.group); }

  deactivate(): void { this.group.removeFromParent(); }

  destroy(): void {
    this.deactivate();
    this.clear();
  }
}
