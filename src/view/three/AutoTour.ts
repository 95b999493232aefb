import { Quaternion, Vector3 } from 'three';
import type { CameraRig } from './CameraRig';
import type { SceneFrame } from './SceneFrame';
import type { TourStop } from './tourStops';

export interface AutoTourOptions {
  /** Seconds of the flight between stops. */
  flightS: number;
  /** Seconds spent at each stop, slowly circling it. */
  dwellS: number;
  /** Circling speed at a stop (rad/s). */
  orbitRadPerS: number;
}

const fromPos = new Vector3(), fromQuat = new Quaternion(), toPos = new Vector3(), toQuat = new Quaternion();
const target = new Vector3();

/**
 * The wall's auto tour: flies to each stop (city, districts, alerts) in turn, circles it for the
 * dwell time, then moves on, forever. Driven by `update(nowS)` from the render loop; allocates
 * nothing per frame. Any stop list change takes effect at the next leg.
 */
export class AutoTour {
  private stops: TourStop[] = [];
  private readonly targets: Vector3[] = [];
  private indexValue = -1;
  private legStartS = 0;
  private runningValue = false;
  private arrived = false;
  /** Called with the stop the camera arrived at (its name goes on screen), or null when the tour stops. */
  onCaption: ((stop: TourStop | null) => void) | null = null;

  constructor(private readonly rig: CameraRig, private readonly frame: SceneFrame, readonly options: AutoTourOptions) {}

  setStops(stops: TourStop[]): void {
    this.stops = stops;
    this.targets.length = 0;
    for (const s of stops) this.targets.push(this.frame.toScene(s.lonDeg, s.latDeg, undefined, new Vector3()));
    if (this.indexValue >= stops.length) this.indexValue = stops.length - 1;
  }

  get running(): boolean { return this.runningValue; }
  get index(): number { return this.indexValue; }
  get current(): TourStop | null { return this.stops[this.indexValue] ?? null; }

  start(nowS: number): void {
    if (this.stops.length === 0) return;
    this.runningValue = true;
    this.beginLeg((this.indexValue + 1) % this.stops.length, nowS);
  }

  stop(): void {
    if (!this.runningValue) return;
    this.runningValue = false;
    this.onCaption?.(null);
  }

  private beginLeg(index: number, nowS: number): void {
    this.indexValue = index;
    this.legStartS = nowS;
    fromPos.copy(this.rig.camera.position);
    fromQuat.copy(this.rig.camera.quaternion);
    const s = this.stops[index];
    this.rig.lookAt(this.targets[index], s.rangeM, s.headingRad, s.pitchRad);
    toPos.copy(this.rig.camera.position);
    toQuat.copy(this.rig.camera.quaternion);
    this.rig.camera.position.copy(fromPos);
    this.rig.camera.quaternion.copy(fromQuat);
    this.arrived = false;
  }

  /** Moves the camera for time `nowS` (s); returns false when the tour is not running. */
  update(nowS: number): boolean {
    if (!this.runningValue || this.stops.length === 0) return false;
    const { flightS, dwellS, orbitRadPerS } = this.options;
    let t = nowS - this.legStartS;
    // Announce the arrival even when one slow frame jumps past the whole dwell.
    if (t >= flightS && !this.arrived) {
      this.arrived = true;
      this.onCaption?.(this.stops[this.indexValue]);
    }
    if (t >= flightS + dwellS) {
      this.beginLeg((this.indexValue + 1) % this.stops.length, nowS);
      t = 0;
    }
    const cam = this.rig.camera;
    if (t < flightS) {
      const u = t / flightS, e = u * u * (3 - 2 * u);
      // Rise on the way so the flight clears the towers and shows the city between stops.
      const lift = Math.sin(Math.PI * e) * fromPos.distanceTo(toPos) * 0.25;
      cam.position.lerpVectors(fromPos, toPos, e).y += lift;
      cam.quaternion.slerpQuaternions(fromQuat, toQuat, e);
      cam.updateMatrixWorld();
      this.rig.target.copy(this.targets[this.indexValue]);
    } else {
      const s = this.stops[this.indexValue];
      target.copy(this.targets[this.indexValue]);
      this.rig.lookAt(target, s.rangeM, s.headingRad + orbitRadPerS * (t - flightS), s.pitchRad);
    }
    return true;
  }
}
