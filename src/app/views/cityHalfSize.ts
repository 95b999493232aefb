import { LocalFrame } from '../../geo/LocalFrame';
import type { CityManifest } from '../../twin/package/packageRecords';

/** Half the side of the square that holds the city's modelled ground (m): what the home view frames. */
export function cityHalfSizeM(m: CityManifest): number {
  const [w, s, e, n] = m.boundsLonLat;
  const frame = new LocalFrame(m.origin.lonDeg, m.origin.latDeg);
  const [x0, y0] = frame.toPlane(w, s), [x1, y1] = frame.toPlane(e, n);
  return Math.max(300, Math.abs(x1 - x0) / 2, Math.abs(y1 - y0) / 2);
}
