/** Tuning of AdaptiveResolution; every field has a default. */
export interface AdaptiveResolutionOptions {
  /** Frame budget (ms): 33.3 holds 30 frames per second. */
  budgetMs?: number;
  /** Render scale bounds (multiplies the device pixel ratio). */
  minScale?: number;
  maxScale?: number;
  /** Frames averaged per decision (at most)... */
  windowFrames?: number;
  /** ...or fewer, once they add up to this many ms (at least 3 frames): slow frames decide sooner. */
  windowMs?: number;
  /** Scale down when the average exceeds budget * this (default 1.15). */
  downAbove?: number;
  /** Scale up when the average is under budget * this (default 0.6): the gap is the hysteresis. */
  upBelow?: number;
  /** Frames to wait after a change before judging again (the new size must show in the timings)... */
  cooldownFrames?: number;
  /** ...or fewer, once they add up to this many ms (at least 2 frames). */
  cooldownMs?: number;
}

/**
 * Holds a frame budget by scaling the render resolution: frame times are averaged over a window
 * (20 frames or 0.6 s, whichever is first, so a wall drawing one frame a second reacts in seconds);
 * over budget the scale drops (by the square root of the overshoot, at least 10 %), well under
 * budget it rises by 10 %. Separate thresholds and a cooldown keep it from oscillating.
 * Pure logic (no DOM): the view feeds it frame times and applies the scale it returns.
 */
export class AdaptiveResolution {
  readonly budgetMs: number;
  readonly minScale: number;
  readonly maxScale: number;
  private readonly windowFrames: number;
  private readonly windowMs: number;
  private readonly cooldownMs: number;
  private cooldownSumMs = 0;
  private readonly downAbove: number;
  private readonly upBelow: number;
  private readonly cooldownFrames: number;
  private scaleValue: number;
  private sumMs = 0;
  private frames = 0;
  private cooldown: number;
  /** Changes made so far (diagnostics). */
  changes = 0;
  /** Mean frame time of the last full window (ms). */
  lastMeanMs = 0;

  constructor(o: AdaptiveResolutionOptions = {}) {
    this.budgetMs = o.budgetMs ?? 1000 / 30;
    this.minScale = o.minScale ?? 0.35;
    this.maxScale = o.maxScale ?? 1;
    this.windowFrames = o.windowFrames ?? 20;
    this.windowMs = o.windowMs ?? 600;
    this.cooldownMs = o.cooldownMs ?? 400;
    this.downAbove = o.downAbove ?? 1.15;
    this.upBelow = o.upBelow ?? 0.6;
    this.cooldownFrames = o.cooldownFrames ?? 10;
    if (!(this.budgetMs > 0)) throw new Error(`AdaptiveResolution: budgetMs must be > 0 (got ${this.budgetMs})`);
    if (!(this.minScale > 0 && this.minScale <= this.maxScale)) throw new Error(`AdaptiveResolution: need 0 < minScale <= maxScale (got ${this.minScale}, ${this.maxScale})`);
    this.scaleValue = this.maxScale;
    this.cooldown = this.cooldownFrames;
  }

  get scale(): number {
    return this.scaleValue;
  }

  /** Feeds one frame's duration (ms); returns the new scale when it changed, else null. */
  sample(frameMs: number): number | null {
    if (!(frameMs > 0) || frameMs > 5000) return null;
    if (this.cooldown > 0) {
      this.cooldown--;
      this.cooldownSumMs += frameMs;
      if (this.cooldownSumMs < this.cooldownMs || this.cooldownFrames - this.cooldown < 2) return null;
      this.cooldown = 0;
      return null;
    }
    this.sumMs += frameMs;
    if (++this.frames < this.windowFrames && (this.sumMs < this.windowMs || this.frames < 3)) return null;
    const mean = (this.lastMeanMs = this.sumMs / this.frames);
    this.sumMs = 0;
    this.frames = 0;
    let next = this.scaleValue;
    if (mean > this.budgetMs * this.downAbove) next = this.scaleValue * Math.min(0.9, Math.sqrt(this.budgetMs / mean));
    else if (mean < this.budgetMs * this.upBelow) next = this.scaleValue * 1.1;
    next = Math.min(this.maxScale, Math.max(this.minScale, next));
    if (Math.abs(next - this.scaleValue) < 1e-3) return null;
    this.scaleValue = next;
    this.cooldown = this.cooldownFrames;
    this.cooldownSumMs = 0;
    this.changes++;
    return next;
  }
}
