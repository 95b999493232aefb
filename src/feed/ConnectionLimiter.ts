/** Counts open connections, in all and per remote address, and refuses one past either limit. */
export class ConnectionLimiter {
  private readonly byAddress = new Map<string, number>();
  private total = 0;

  constructor(private readonly maxTotal: number, private readonly maxPerAddress: number) {}

  get open(): number {
    return this.total;
  }

  /** Counts a new connection and returns null, or returns why it is refused (nothing counted). */
  admit(address: string): string | null {
    const n = this.byAddress.get(address) ?? 0;
    if (this.total >= this.maxTotal) return `connection limit of ${this.maxTotal} reached`;
    if (n >= this.maxPerAddress) return `connection limit of ${this.maxPerAddress} per address reached for ${address}`;
    this.total++;
    this.byAddress.set(address, n + 1);
    return null;
  }

  /** Uncounts a connection admitted earlier. */
  release(address: string): void {
    const n = this.byAddress.get(address) ?? 0;
    if (n <= 1) this.byAddress.delete(address);
    else this.byAddress.set(address, n - 1);
    if (n > 0) this.total--;
  }
}
