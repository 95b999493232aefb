/**
 * What features may ask of the view they run in, whichever it is (the Cesium workspace or the
 * three wall): move the camera and ask for a frame. Drawing goes through the overlay model;
 * engine-specific features (those that need the Cesium viewer itself) get it from the workspace
 * view's own handle.
 */
export interface ViewPort {
  readonly kind: 'workspace' | 'wall';
  /** The overview of the whole city. */
  flyHome(seconds?: number): void;
  /** Looks at a point from `rangeM` meters at `pitchDeg` (default straight down). */
  lookAt(lonDeg: number, latDeg: number, heightM: number, rangeM: number, pitchDeg?: number): void;
  /** Like lookAt, but flying there in `seconds` (the wall jumps). */
  flyTo(lonDeg: number, latDeg: number, heightM: number, rangeM: number, pitchDeg: number, seconds: number): void;
  /** The ground under the middle of the view (degrees), or null. */
  centreLonLat(): [number, number] | null;
  requestRender(): void;
}
