import type { RunResult } from '../run/RunResult';

/** Where results outlive the process (a folder on disk for the CLI); async so any store fits. */
export interface ResultStore {
  get(hash: string): Promise<RunResult | null>;
  set(hash: string, result: RunResult): Promise<void>;
}

/**
 * Run results by scenario hash: an in-memory map in front of an optional persistent store. A
 * result found in the store is kept in memory too. Counts hits and misses (for tests and status).
 */
export class ResultCache {
  private readonly memory = new Map<string, RunResult>();
  hits = 0;
  misses = 0;

  constructor(private readonly store: ResultStore | null = null) {}

  async get(hash: string): Promise<RunResult | null> {
    let r = this.memory.get(hash) ?? null;
    if (!r && this.store) {
      r = await this.store.get(hash);
      if (r) this.memory.set(hash, r);
    }
    if (r) this.hits++; else this.misses++;
    return r;
  }

  async set(hash: string, result: RunResult): Promise<void> {
    this.memory.set(hash, result);
    await this.store?.set(hash, result);
  }

  /** Forgets the in-memory results (the store keeps its own). */
  clearMemory(): void {
    this.memory.clear();
  }
}
