import type { Endpoint } from 'comlink';

/** A Worker as comlink needs it, plus terminate (a Web Worker, or a node adapter in tests). */
export type WorkerLike = Endpoint & { terminate(): void };
