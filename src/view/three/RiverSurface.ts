import earcut from 'earcut';
import { BufferAttribute, BufferGeometry, Mesh, ShaderMaterial, Vector3, type Object3D } from 'three';
import waterVert from '../../../shaders/water.vert?raw';
import waterFrag from '../../../shaders/water.frag?raw';
import type { SceneFrame } from './SceneFrame';
import type { WallLook } from './WallLook';

/** Water sits this far above the ground model (m) so the terrain mesh does not poke through. */
const LIFT_M = 1.2;
const v = new Vector3();

interface RiverGeoJson {
  features: Array<{ properties?: { id?: string }; geometry: { type: string; coordinates: number[][][] | number[][][][] } }>;
}

/** The city's rivers (river.geojson polygons) as a moving water surface with the water shader. */
export class RiverSurface {
  readonly mesh: Mesh;
  private readonly geometry = new BufferGeometry();
  private readonly material: ShaderMaterial;

  constructor(geo: RiverGeoJson, frame: SceneFrame, look: WallLook, parent: Object3D) {
    const pos: number[] = [], index: number[] = [];
    for (const f of geo.features) {
      const polys = f.geometry.type === 'MultiPolygon' ? (f.geometry.coordinates as number[][][][]) : [f.geometry.coordinates as number[][][]];
      for (const rings of polys) this.addPolygon(rings, frame, pos, index);
    }
    this.geometry.setAttribute('position', new BufferAttribute(new Float32Array(pos), 3));
    this.geometry.setIndex(index);
    this.material = new ShaderMaterial({
      name: 'wall-water', vertexShader: waterVert, fragmentShader: waterFrag, transparent: true, depthWrite: false,
      uniforms: { uTime: look.uniforms.uTime, uNight: look.uniforms.uNight, uSunDir: look.uniforms.uSunDir, uFogColor: look.uniforms.uFogColor, uFogRangeM: look.uniforms.uFogRangeM },
      polygonOffset: true, polygonOffsetFactor: -2, polygonOffsetUnits: -2,
    });
    this.mesh = new Mesh(this.geometry, this.material);
    this.mesh.name = 'river';
    this.mesh.renderOrder = 1;
    parent.add(this.mesh);
  }

  private addPolygon(rings: number[][][], frame: SceneFrame, pos: number[], index: number[]): void {
    const flat: number[] = [], holes: number[] = [];
    const base = pos.length / 3;
    rings.forEach((ring, r) => {
      // GeoJSON rings repeat their first vertex at the end; earcut wants it once.
      const n = ring.length > 1 && ring[0][0] === ring.at(-1)![0] && ring[0][1] === ring.at(-1)![1] ? ring.length - 1 : ring.length;
      if (r > 0) holes.push(flat.length / 2);
      for (let i = 0; i < n; i++) {
        flat.push(ring[i][0], ring[i][1]);
        frame.toScene(ring[i][0], ring[i][1], undefined, v, LIFT_M);
        pos.push(v.x, v.y, v.z);
      }
    });
    for (const t of earcut(flat, holes.length ? holes : undefined, 2)) index.push(base + t);
  }

  dispose(): void {
    this.mesh.removeFromParent();
    this.geometry.dispose();
    this.material.dispose();
  }
}
