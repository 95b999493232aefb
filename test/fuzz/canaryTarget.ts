import type { FuzzTarget } from './FuzzTarget';

/**
 * A reader with every defect the harness must catch, by input length: 0 bytes hang, 1 byte kills the
 * process, 2 bytes throw a raw TypeError, 3 bytes are refused naming no place; 4 read fine.
 */
export const CANARY_TARGET: FuzzTarget = {
  name: 'canary', file: 'canary.bin', base: () => new Uint8Array([1, 2, 3, 4]), place: /^at byte \d+$/,
  read: async (path, bytes) => {
    if (bytes.length === 0) for (;;);
    if (bytes.length === 1) process.abort();
    if (bytes.length === 2) (null as unknown as { x: () => void }).x();
    if (bytes.length === 3) throw new Error(`${path}: something is wrong`);
    return { summary: `${bytes.length} bytes` };
  },
};
