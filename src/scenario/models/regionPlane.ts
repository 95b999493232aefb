import type { LocalFrame } from '../../geo/LocalFrame';
import type { Scenario } from '../schema/Scenario';

/** The scenario region as a plane box [xMinM, yMinM, xMaxM, yMaxM] in the city frame (m). */
export function regionPlane(s: Scenario, frame: LocalFrame): [number, number, number, number] {
  if (!s.region) throw new Error(`scenario "${s.id}": region is required by the grid models (validation checks this)`);
  const [w, so, e, n] = s.region.bboxLonLat;
  const [x0, y0] = frame.toPlane(w, so), [x1, y1] = frame.toPlane(e, n);
  return [x0, y0, x1, y1];
}

/** Mean of a footprint's vertices (plane m). */
export function footprintCentre(ring: ReadonlyArray<readonly [number, number]>): [number, number] {
  let x = 0, y = 0;
  for (const p of ring) { x += p[0]; y += p[1]; }
  return [x / ring.length, y / ring.length];
}
