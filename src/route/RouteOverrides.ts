/**
 * Per-arc travel-time factors applied at query time: a slowdown multiplies an arc's free-flow time
 * by a factor >= 1, a closure is factor Infinity. Only increases are allowed, which is what lets a
 * contraction hierarchy built on free-flow times stay exact (see Router): any path that avoids the
 * overridden arcs keeps its cost, and no path gets cheaper.
 */
export class RouteOverrides {
  private readonly factors = new Map<number, number>();
  /** Bumped on every change, so caches of weights can tell they are stale. */
  version = 0;

  get size(): number {
    return this.factors.size;
  }

  /** Sets the factor of `arc` (>= 1, Infinity = closed); 1 removes the override. */
  set(arc: number, factor: number): void {
    if (!(factor >= 1)) throw new Error(`RouteOverrides: factor expects a number >= 1 (or Infinity to close), got ${factor}`);
    if (factor === 1) this.factors.delete(arc);
    else this.factors.set(arc, factor);
    this.version++;
  }

  clear(): void {
    this.factors.clear();
    this.version++;
  }

  has(arc: number): boolean {
    return this.factors.has(arc);
  }

  factorOf(arc: number): number {
    return this.factors.get(arc) ?? 1;
  }

  /** [arc, factor] pairs (for display or to send to a worker). */
  entries(): Array<[number, number]> {
    return [...this.factors];
  }

  /** Writes base * factor per arc into `out` (same length as `base`) and returns it. */
  applyTo(baseS: Float64Array, out: Float64Array = new Float64Array(baseS.length)): Float64Array {
    out.set(baseS);
    for (const [arc, f] of this.factors) out[arc] = f === Infinity ? Infinity : baseS[arc] * f;
    return out;
  }
}
