import {
  BoundingSphere, Cartesian3, Color, HeadingPitchRange, Math as CesiumMath, PolygonHierarchy, type Entity, type Viewer,
} from 'cesium';
import type { DemGrid } from '../../geo/DemGrid';
import { buildingExtentM } from '../../twin/buildingExtent';
import type { TwinUnit } from '../../twin/SpatialHierarchy';
import type { CityTwin } from '../../twin/CityTwin';

const OUTLINE = Color.fromCssColorString('#38bdf8');
const FLOOR = Color.fromCssColorString('#f97316').withAlpha(0.85);

/**
 * Shows the selected spatial unit in the Cesium workspace: its boundary draped on the ground
 * (city to grid cell), a building's footprint outline, or a floor as a slab at its height, and
 * flies the camera to it.
 */
export class UnitHighlighter {
  private readonly entities: Entity[] = [];

  constructor(private readonly viewer: Viewer, private readonly model: CityTwin, private readonly dem: DemGrid | null) {}

  show(unit: TwinUnit, flightSeconds = 1.2): void {
    this.clear();
    const { hierarchy, frame } = this.model;
    const lonLat = (ring: ReadonlyArray<readonly [number, number]>) => ring.flatMap(([x, y]) => frame.toLonLat(x, y));
    let sphere: BoundingSphere | null = null;
    if (unit.level === 'building' || unit.level === 'floor') {
      const id = unit.level === 'floor' ? unit.parentId! : unit.id;
      const b = this.model.buildings[this.model.registry.buildingIndex(id)];
      const ring = [...b.footprint, b.footprint[0]];
      const ground = this.dem ? buildingExtentM(b, this.dem) : { baseM: 0, roofM: b.heightM };
      const top = ground.roofM;
      this.add({ polyline: { positions: Cartesian3.fromDegreesArrayHeights(ring.flatMap(([x, y]) => [...frame.toLonLat(x, y), top + 0.5])), width: 3, material: OUTLINE } });
      if (unit.level === 'floor') {
        const slice = hierarchy.floors(id).find((f) => f.id === unit.id)!;
        const base = top - b.heightM;
        // A slab a little wider than the walls so the floor shows outside the building shell.
        const grown = grow(b.footprint, 0.8);
        this.add({ polygon: {
          hierarchy: new PolygonHierarchy(Cartesian3.fromDegreesArray(lonLat(grown))),
          height: base + slice.baseM, extrudedHeight: base + slice.topM, material: FLOOR, outline: false,
        } });
      }
      sphere = BoundingSphere.fromPoints(Cartesian3.fromDegreesArrayHeights(ring.flatMap(([x, y]) => [...frame.toLonLat(x, y), top])));
      sphere.radius = Math.max(sphere.radius, b.heightM, 60);
    } else {
      const rings = hierarchy.ringsOf(unit.id) ?? [];
      const points: Cartesian3[] = [];
      for (const r of rings) {
        const closed = [...r, r[0]];
        const positions = Cartesian3.fromDegreesArray(lonLat(closed));
        points.push(...positions);
        this.add({ polyline: { positions, width: 3, material: OUTLINE, clampToGround: true } });
      }
      if (points.length) sphere = BoundingSphere.fromPoints(points);
    }
    if (sphere) {
      this.viewer.camera.flyToBoundingSphere(sphere, {
        offset: new HeadingPitchRange(0, CesiumMath.toRadians(-50), Math.max(300, sphere.radius * 2.6)), duration: flightSeconds,
      });
    }
    this.viewer.scene.requestRender();
  }

  private add(options: Entity.ConstructorOptions): void {
    this.entities.push(this.viewer.entities.add(options));
  }

  clear(): void {
    for (const e of this.entities.splice(0)) this.viewer.entities.remove(e);
    this.viewer.scene.requestRender();
  }

  dispose(): void {
    this.clear();
  }
}

/** Moves every vertex of a simple axis-friendly ring outward from its centroid by about `m` meters. */
function grow(ring: ReadonlyArray<[number, number]>, m: number): Array<[number, number]> {
  const cx = ring.reduce((s, p) => s + p[0], 0) / ring.length, cy = ring.reduce((s, p) => s + p[1], 0) / ring.length;
  return ring.map(([x, y]) => {
    const d = Math.hypot(x - cx, y - cy) || 1;
    return [x + ((x - cx) / d) * m * 1.42, y + ((y - cy) / d) * m * 1.42];
  });
}
