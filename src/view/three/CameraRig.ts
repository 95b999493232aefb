import { Euler, type PerspectiveCamera, Vector3 } from 'three';
import { POSE_LENGTH } from './WallSync';
import type { SceneFrame } from './SceneFrame';

const euler = new Euler(0, 0, 0, 'YXZ');
const fwd = new Vector3();

/**
 * Places the wall camera: looking at a scene point from a range, heading and pitch (the tour and
 * the home view), or from a geographic pose (the bench's camera path, same as the workspace's),
 * and packs / unpacks the pose the windows of a wall share. Keeps near/far fitted to the altitude.
 */
export class CameraRig {
  /** The point the camera looks at (scene m); MapControls orbit around it. */
  readonly target = new Vector3();

  constructor(readonly camera: PerspectiveCamera, private readonly frame: SceneFrame) {}

  /** Looks at `target` from `rangeM` away, compass `headingRad` (0 = looking north), `pitchRad` (< 0 looks down). */
  lookAt(target: Vector3, rangeM: number, headingRad: number, pitchRad: number): void {
    this.target.copy(target);
    forward(headingRad, pitchRad, fwd);
    this.camera.position.copy(target).addScaledVector(fwd, -rangeM);
    this.orient(headingRad, pitchRad);
  }

  /** Camera at lon/lat/height (degrees, ellipsoidal m) with a heading and pitch, like Cesium's setView. */
  setGeo(lonDeg: number, latDeg: number, heightM: number, headingRad: number, pitchRad: number): void {
    this.frame.toScene(lonDeg, latDeg, heightM, this.camera.position);
    this.orient(headingRad, pitchRad);
    // Orbit target: where the view ray meets the ground height under the camera (or 2 km ahead).
    const ground = this.frame.groundM(lonDeg, latDeg);
    forward(headingRad, pitchRad, fwd);
    const t = fwd.y < -0.05 ? Math.min(20000, (this.camera.position.y - ground) / -fwd.y) : 2000;
    this.target.copy(this.camera.position).addScaledVector(fwd, t);
  }

  private orient(headingRad: number, pitchRad: number): void {
    euler.set(pitchRad, -headingRad, 0, 'YXZ');
    this.camera.quaternion.setFromEuler(euler);
    this.camera.updateMatrixWorld();
  }

  /** Writes position, quaternion and fov into `out` (POSE_LENGTH numbers). */
  writePose(out: Float64Array): Float64Array {
    const { position: p, quaternion: q } = this.camera;
    out[0] = p.x; out[1] = p.y; out[2] = p.z; out[3] = q.x; out[4] = q.y; out[5] = q.z; out[6] = q.w; out[7] = this.camera.fov;
    return out;
  }

  applyPose(pose: ArrayLike<number>): void {
    if (pose.length < POSE_LENGTH) throw new Error(`camera pose needs ${POSE_LENGTH} numbers (got ${pose.length})`);
    this.camera.position.set(pose[0], pose[1], pose[2]);
    this.camera.quaternion.set(pose[3], pose[4], pose[5], pose[6]);
    if (this.camera.fov !== pose[7]) { this.camera.fov = pose[7]; this.camera.updateProjectionMatrix(); }
    this.camera.updateMatrixWorld();
  }

  /** Fits near/far to the camera's height over `groundM` so depth stays precise near and far. */
  fitClipping(groundM: number): void {
    const above = Math.max(1, this.camera.position.y - groundM);
    const near = Math.min(200, Math.max(2, above * 0.02)), far = Math.max(30000, above * 12);
    if (Math.abs(near - this.camera.near) > near * 0.1 || Math.abs(far - this.camera.far) > far * 0.1) {
      this.camera.near = near;
      this.camera.far = far;
      this.camera.updateProjectionMatrix();
    }
  }
}

/** Unit view direction in the scene (x east, y up, z south) for a compass heading and pitch. */
export function forward(headingRad: number, pitchRad: number, out: Vector3): Vector3 {
  const c = Math.cos(pitchRad);
  return out.set(Math.sin(headingRad) * c, Math.sin(pitchRad), -Math.cos(headingRad) * c);
}
