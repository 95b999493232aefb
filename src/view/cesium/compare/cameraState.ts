import { Cartesian3, Math as CesiumMath, type Camera } from 'cesium';
import type { CameraState } from '../../../scenario/schema/Scenario';

/** A camera's position (lon/lat degrees, height above the ellipsoid m) and orientation (degrees). */
export function readCamera(camera: Camera): CameraState {
  const c = camera.positionCartographic;
  return {
    lonDeg: CesiumMath.toDegrees(c.longitude), latDeg: CesiumMath.toDegrees(c.latitude), heightM: c.height,
    headingDeg: ((CesiumMath.toDegrees(camera.heading) % 360) + 360) % 360, pitchDeg: CesiumMath.toDegrees(camera.pitch),
  };
}

/** Puts a camera at a state at once (any flight in progress is cancelled). */
export function applyCamera(camera: Camera, s: CameraState): void {
  camera.cancelFlight();
  camera.setView({
    destination: Cartesian3.fromDegrees(s.lonDeg, s.latDeg, s.heightM),
    orientation: { heading: CesiumMath.toRadians(s.headingDeg), pitch: CesiumMath.toRadians(s.pitchDeg), roll: 0 },
  });
}

/** Copies one camera's pose onto another (same frame: both viewers look at the same globe). */
export function copyCamera(from: Camera, to: Camera): void {
  to.setView({
    destination: Cartesian3.clone(from.positionWC),
    orientation: { direction: Cartesian3.clone(from.directionWC), up: Cartesian3.clone(from.upWC) },
  });
}
