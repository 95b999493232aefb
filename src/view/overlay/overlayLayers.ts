import type { ColorScale } from './ColorScale';

/**
 * The layer kinds of the overlay model: plain data that both views draw. Positions are WGS84
 * degrees; heights are ellipsoidal meters, or absent to sit on the ground (the views sample their
 * DEM). Colours are CSS colour strings ('#rrggbb' or 'rgba(...)').
 */

/**
 * How a building colour layer combines with the layers under it: 'replace' puts its colour
 * (alpha included) in place of theirs; 'over' blends it over them by its alpha; 'hide' takes its
 * buildings (those with alpha > 0, or every listed id) out of both views: not drawn, not picked,
 * whatever any other layer says (a building a scenario removes, a section cut).
 */
export type BuildingBlend = 'replace' | 'over' | 'hide';

/** What every building colour layer declares: its place in the stack and its blend. */
export interface BuildingColorStacking {
  /** Higher draws on top; see BUILDING_COLOR_PRIORITY (default: its `scenario` level). */
  priority?: number;
  /** Default 'replace'. */
  blend?: BuildingBlend;
}

/** Building colours by building id (the `id` property of the buildings tileset); unlisted buildings keep the colours below. */
export interface FeatureColorLayer extends BuildingColorStacking {
  kind: 'featureColors';
  colors: ReadonlyMap<string, string>;
}

/**
 * Colours of many buildings at once, by their index in the city's building list (the tiles'
 * `_CITY_INDEX` attribute): 4 sRGB bytes (r, g, b, alpha) per building; alpha 0 leaves a building
 * to the layers below. For live and city-wide colourings: the producer may refill the same array
 * and set the layer again; the views copy it into their state texture, so no shader recompiles.
 */
export interface BuildingColorLayer extends BuildingColorStacking {
  kind: 'buildingColors';
  rgba: Uint8Array;
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
  /** Drawn only while the camera is within this distance (m), e.g. quiet sensors; absent: always. */
  maxRangeM?: number;
}

/** Sensors, incidents, resources, alerts. */
export interface PointLayer {
  kind: 'points';
  points: readonly OverlayPoint[];
  /**
   * True: buildings and terrain hide the markers behind them (e.g. quiet sensors, so a click on
   * a building picks the building). Default false: drawn over everything, like alerts.
   */
  depthTest?: boolean;
}

export interface OverlayLine {
  id: string;
  /** Flat [lon0, lat0, lon1, lat1, ...] (degrees), at least two vertices. */
  lonLatDeg: ArrayLike<number>;
  color: string;
  widthPx: number;
  /**
   * Ellipsoidal height (m) of each vertex: the line then runs straight between those 3D points
   * (a sight line, a measured chord) instead of following the ground. Absent: on the ground.
   */
  heightsM?: ArrayLike<number>;
}

/** Routes, closures, evacuation paths (on the ground), sight lines (3D with `heightsM`). */
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
  /**
   * A solid from `baseM` to `topM` (ellipsoidal heights, m) instead of a drape on the ground:
   * a floor of a building, a proposed block, a height-limit volume.
   */
  extrude?: { baseM: number; topM: number };
}

/** Spatial units, zones, evacuation areas (draped on the ground), or solids (see `extrude`). */
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

export type OverlayLayer = FeatureColorLayer | BuildingColorLayer | PointLayer | LineLayer | PolygonLayer | HeatGridLayer | LabelLayer;
export type OverlayLayerKind = OverlayLayer['kind'];

/** The layer of a kind, by kind name. */
export type LayerOfKind<K extends OverlayLayerKind> = Extract<OverlayLayer, { kind: K }>;
