import type { PublishedClosure } from '../../../hub/closures/RoadClosure';
import type { LineLayer, PointLayer } from '../../../view/overlay/overlayLayers';

/** Closed by hand red, closed by a flood run blue (the flood layers' colour family). */
const COLOUR = { manual: '#ef4444', flood: '#2563eb' } as const;

/** Every closed segment as a thick line on the ground. */
export function closureSegmentLayer(closures: readonly PublishedClosure[]): LineLayer {
  return {
    kind: 'lines',
    lines: closures.flatMap((c) => Array.from({ length: c.segmentsLonLat.length / 4 }, (_, k) => ({
      id: `closure:${c.id}:${k}`, lonLatDeg: c.segmentsLonLat.slice(4 * k, 4 * k + 4), color: COLOUR[c.kind], widthPx: 6,
    }))),
  };
}

/** One marker per closure (where it was asked), titled with what, who and why. */
export function closureMarkerLayer(closures: readonly PublishedClosure[]): PointLayer {
  return {
    kind: 'points',
    points: closures.map((c) => ({
      id: `closure:${c.id}`, lonDeg: c.lonLat[0], latDeg: c.lonLat[1], color: COLOUR[c.kind], sizePx: 10,
      title: `${c.id}: ${c.roads.join(', ')} closed by ${c.by.username}${c.reason ? ` (${c.reason})` : ''}`,
    })),
  };
}
