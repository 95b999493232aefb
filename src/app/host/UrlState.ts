/**
 * The URL parameters a page is started with and keeps in step with what it shows, so the
 * address bar is always a share link. Each key has one owner feature: a second feature claiming
 * a key is refused with an error naming both.
 */
export class UrlState {
  private readonly owners = new Map<string, string>();

  constructor(private readonly loc: { search: string; pathname: string; hash: string } = location,
    private readonly replace: (url: string) => void = (url) => history.replaceState(history.state, '', url)) {}

  /** The current value of a key (null when absent). */
  get(key: string): string | null {
    return new URLSearchParams(this.loc.search).get(key);
  }

  /** Every current parameter. */
  params(): URLSearchParams {
    return new URLSearchParams(this.loc.search);
  }

  /** Claims keys for a feature (the host's own keys are claimed as 'host'). */
  claim(feature: string, ...keys: string[]): void {
    for (const k of keys) {
      const owner = this.owners.get(k);
      if (owner && owner !== feature) throw new Error(`URL key '${k}' of ${feature} is already owned by ${owner}`);
      this.owners.set(k, feature);
    }
  }

  /** Sets (or with null removes) keys owned by `feature`; the others stay as they are. */
  set(feature: string, values: Record<string, string | number | null>): void {
    const p = this.params();
    for (const [k, v] of Object.entries(values)) {
      const owner = this.owners.get(k);
      if (owner !== feature) throw new Error(`URL key '${k}' is not owned by ${feature} (owner: ${owner ?? 'none'})`);
      if (v === null) p.delete(k); else p.set(k, String(v));
    }
    const q = p.toString();
    this.replace(`${this.loc.pathname}${q ? `?${q}` : ''}${this.loc.hash}`);
  }

  /** A number from the URL, with a clear error naming the key and the range. */
  number(key: string, fallback: number, min: number, max: number): number {
    const raw = this.get(key);
    if (raw === null) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max) throw new Error(`URL parameter "${key}" must be a number in ${min}..${max} (got '${raw}')`);
    return n;
  }
}
