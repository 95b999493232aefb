import { BufferAttribute, BufferGeometry, Color, DoubleSide, Mesh, MeshBasicMaterial, ShapeUtils, Vector2, Vector3, type Object3D } from 'three';
import type { OverlayPolygon } from '../overlay/overlayLayers';
import type { SceneFrame } from './SceneFrame';

const v = new Vector3();
const colour = new Color();

/**
 * The extruded polygons of one overlay layer in the wall (a building's floor, a proposed
 * block): one mesh of prisms (walls and top) with per-vertex colours, translucent, in the scene.
 */
export class ThreeSolids {
  private mesh: Mesh | null = null;
  private readonly material = new MeshBasicMaterial({ vertexColors: true, transparent: true, side: DoubleSide, depthWrite: false });

  constructor(private readonly name: string, private readonly parent: Object3D, private readonly frame: SceneFrame) {}

  set(polygons: readonly OverlayPolygon[], visible: boolean): void {
    this.clear();
    const solids = polygons.filter((p) => p.extrude);
    if (!solids.length) return;
    const pos: number[] = [], col: number[] = [];
    let opacity = 0;
    for (const p of solids) {
      colour.setStyle(p.fill);
      opacity = Math.max(opacity, p.fillOpacity);
      const ring = openRing(p.ringLonLatDeg);
      const { baseM, topM } = p.extrude!;
      const put = (k: number, h: number) => {
        this.frame.toScene(ring[k][0], ring[k][1], h, v);
        pos.push(v.x, v.y, v.z);
        col.push(colour.r, colour.g, colour.b);
      };
      for (let k = 0; k < ring.length; k++) {
        const n = (k + 1) % ring.length;
        put(k, baseM); put(n, baseM); put(n, topM);
        put(k, baseM); put(n, topM); put(k, topM);
      }
      for (const [a, b, c] of ShapeUtils.triangulateShape(ring.map(([x, y]) => new Vector2(x, y)), [])) { put(a, topM); put(b, topM); put(c, topM); }
    }
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(new Float32Array(pos), 3));
    g.setAttribute('color', new BufferAttribute(new Float32Array(col), 3));
    this.material.opacity = opacity;
    this.mesh = new Mesh(g, this.material);
    this.mesh.name = `overlay:${this.name}:solids`;
    this.mesh.renderOrder = 10;
    this.mesh.visible = visible;
    this.parent.add(this.mesh);
  }

  setVisible(visible: boolean): void {
    if (this.mesh) this.mesh.visible = visible;
  }

  clear(): void {
    if (!this.mesh) return;
    this.mesh.removeFromParent();
    this.mesh.geometry.dispose();
    this.mesh = null;
  }

  dispose(): void {
    this.clear();
    this.material.dispose();
  }
}

/** [lon, lat] pairs without the closing vertex. */
function openRing(flat: ArrayLike<number>): Array<[number, number]> {
  const ring: Array<[number, number]> = [];
  for (let i = 0; i + 1 < flat.length; i += 2) ring.push([flat[i], flat[i + 1]]);
  const [f, l] = [ring[0], ring[ring.length - 1]];
  if (ring.length > 3 && f[0] === l[0] && f[1] === l[1]) ring.pop();
  return ring;
}
