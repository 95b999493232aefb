/**
 * Slows password guessing: at most `maxPerName` failed logins per window for one user name (from
 * anywhere) and `maxPerAddress` from one address (higher: many people share a proxy's address).
 * Past either, logins are refused until the window ends, without checking the password (so a
 * locked-out guess costs no scrypt either).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; sinceMs: number }>();

  constructor(private readonly maxPerName = 10, private readonly maxPerAddress = 50, private readonly windowMs = 60_000, private readonly clock: () => number = Date.now) {}

  private entry(key: string): { count: number; sinceMs: number } {
    const now = this.clock();
    let e = this.failures.get(key);
    if (!e || now - e.sinceMs >= this.windowMs) {
      e = { count: 0, sinceMs: now };
      this.failures.set(key, e);
    }
    return e;
  }

  /** Seconds to wait before another try from this address or for this name, or 0. */
  retryAfterS(address: string, username: string): number {
    const now = this.clock();
    let wait = 0;
    for (const [key, max] of [[`a:${address}`, this.maxPerAddress], [`u:${username}`, this.maxPerName]] as const) {
      const e = this.entry(key);
      if (e.count >= max) wait = Math.max(wait, Math.ceil((e.sinceMs + this.windowMs - now) / 1000));
    }
    return wait;
  }

  failed(address: string, username: string): void {
    this.entry(`a:${address}`).count++;
    this.entry(`u:${username}`).count++;
    if (this.failures.size > 100_000) this.prune();
  }

  succeeded(username: string): void {
    this.failures.delete(`u:${username}`);
  }

  private prune(): void {
    const now = this.clock();
    for (const [k, e] of this.failures) if (now - e.sinceMs >= this.windowMs) this.failures.delete(k);
  }
}
