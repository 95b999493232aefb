import type { ColorScale } from './ColorScale';

/**
 * The layer kinds of the overlay model: plain data that both views draw. Positions are WGS84
 * degrees; heights are ellipsoidal meters, or absent to sit on the ground (the views sample their
 * DEM). Colours are CSS colour strings ('#rrggbb' or 'rgba(...)').
 */

/** Building colours by building id (the `id` property of the buildings tileset); unlisted buildings keep the view's colouring. */
export interface FeatureColorLayer {
  kind: 'featureColors';
  colors: ReadonlyMap<string, string>;
}

export interface OverlayPoint {
  id: string;
  lonDeg: number;
  latDeg: number;
  /** Ellipsoidal height (m); absent: on the ground. */
  heightM?: number;
  color: string;
  /** Marker diameter on screen (CSS pixels). */
  sizePx: number;
  /** Draws an expanding ring (alerts). */
  pulsing?: boolean;
  /** An open alert: the wall's auto tour visits it. */
  alert?: boolean;
  /** Shown with the marker on the tour, e.g. 'Water level 3.2 m'. */
  title?: string;
}

/** Sensors, incidents, resources, alerts. */
export interface PointLayer {
  kind: 'points';
  points: readonly OverlayPoint[];
}

export interface OverlayLine {
  id: string;
  /** Flat [lon0, lat0, lon1, lat1, ...] (degrees), at least two vertices. */
  lonLatDeg: ArrayLike<number>;
  color: string;
  widthPx: number;
}

/** Routes, closures, evacuation paths (drawn on the ground). */
export interface LineLayer {
  kind: 'lines';
  lines: readonly OverlayLine[];
}

export interface OverlayPolygon {
  id: string;
  /** Outer ring, flat [lon0, lat0, ...] (degrees), at least three vertices, closing vertex optional. */
  ringLonLatDeg: ArrayLike<number>;
  fill: string;
  /** Fill opacity 0..1. */
  fillOpacity: number;
  /** Outline colour; absent: none. */
  outline?: string;
}

/** Spatial units, zones, evacuation areas (draped on the ground). */
export interface PolygonLayer {
  kind: 'polygons';
  polygons: readonly OverlayPolygon[];
}

/**
 * A regular grid of values over a lon/lat rectangle (draped on the ground). Cell (i, j) covers
 * column i from the west and row j from the south: `values[j * cols + i]`; NaN is transparent.
 * A grid in a city's plane (see LocalFrame) is such a rectangle exactly: the plane is equirectangular.
 */
export interface HeatGridLayer {
  kind: 'heatGrid';
  westDeg: number;
  southDeg: number;
  eastDeg: number;
  northDeg: number;
  cols: number;
  rows: number;
  values: Float32Array;
  scale: ColorScale;
  /** 0..1. */
  opacity: number;
}

export interface OverlayLabel {
  id: string;
  lonDeg: number;
  latDeg: number;
  /** Ellipsoidal height (m); absent: 40 m above the ground. */
  heightM?: number;
  text: string;
  color: string;
}

/** Names of districts, incidents, KPIs on the map. */
export interface LabelLayer {
  kind: 'labels';
  labels: readonly OverlayLabel[];
}

export type OverlayLayer = FeatureColorLayer | PointLayer | LineLayer | PolygonLayer | HeatGridLayer | LabelLayer;
export type OverlayLayerKind = OverlayLayer['kind'];

/** The layer of a kind, by kind name. */
export type LayerOfKind<K extends OverlayLayerKind> = Extract<OverlayLayer, { kind: K }>;
