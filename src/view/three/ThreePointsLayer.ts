import { BufferAttribute, BufferGeometry, Color, Points, ShaderMaterial, Vector3, type Object3D } from 'three';
import markerVert from '../../../shaders/marker.vert?raw';
import markerFrag from '../../../shaders/marker.frag?raw';
import type { OverlayLayerImpl } from '../overlay/OverlayAdapter';
import type { PointLayer } from '../overlay/overlayLayers';
import type { SceneFrame } from './SceneFrame';
import type { WallLook } from './WallLook';

/** Markers without a height float this far above the ground (m), clear of the terrain mesh. */
const LIFT_M = 12;
const v = new Vector3();
const c = new Color();

/**
 * A point layer in the wall: one `Points` draw with the marker shader (pulsing rings for alerts),
 * drawn over everything (no depth test) like the workspace's points, so alerts never hide.
 */
export class ThreePointsLayer implements OverlayLayerImpl<PointLayer> {
  private readonly geometry = new BufferGeometry();
  private readonly material: ShaderMaterial;
  private readonly points: Points;

  constructor(id: string, private readonly parent: Object3D, private readonly frame: SceneFrame, look: WallLook, pixelRatio: { value: number }) {
    this.material = new ShaderMaterial({
      name: 'wall-marker', vertexShader: markerVert, fragmentShader: markerFrag,
      uniforms: { uTime: look.uniforms.uTime, uPixelRatio: pixelRatio },
      transparent: true, depthTest: false, depthWrite: false,
    });
    this.points = new Points(this.geometry, this.material);
    this.points.name = `overlay:${id}`;
    this.points.renderOrder = 20;
    this.points.frustumCulled = false;
  }

  initialize(): void {}

  update(layer: PointLayer): void {
    const n = layer.points.length;
    const pos = new Float32Array(n * 3), col = new Float32Array(n * 3), size = new Float32Array(n), pulse = new Float32Array(n), phase = new Float32Array(n), range = new Float32Array(n);
    layer.points.forEach((p, i) => {
      this.frame.toScene(p.lonDeg, p.latDeg, p.heightM, v, LIFT_M).toArray(pos, i * 3);
      c.setStyle(p.color).toArray(col, i * 3);
      size[i] = p.sizePx;
      pulse[i] = p.pulsing ? 1 : 0;
      phase[i] = (i * 0.618034) % 1;
      range[i] = p.maxRangeM ?? 0;
    });
    const g = this.geometry;
    g.setAttribute('position', new BufferAttribute(pos, 3));
    g.setAttribute('color', new BufferAttribute(col, 3));
    g.setAttribute('aSizePx', new BufferAttribute(size, 1));
    g.setAttribute('aPulse', new BufferAttribute(pulse, 1));
    g.setAttribute('aPhase', new BufferAttribute(phase, 1));
    g.setAttribute('aMaxRange', new BufferAttribute(range, 1));
    g.setDrawRange(0, n);
    // The old buffers go with the old attributes: free them on the GPU now, not at context loss.
    g.dispose();
  }

  /** Number of markers drawn (tests, diagnostics). */
  get count(): number {
    return this.geometry.drawRange.count;
  }

  activate(): void { this.parent.add(this.points); }

  deactivate(): void { this.points.removeFromParent(); }

  destroy(): void {
    this.deactivate();
    this.geometry.dispose();
    this.material.dispose();
  }
}
