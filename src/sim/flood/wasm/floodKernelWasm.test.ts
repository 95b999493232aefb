import { describe, expect, it } from 'vitest';
import { floodKernelModuleText, KERNEL_MODULE } from '../../../../scripts/buildFloodWasm';
import { readFileSync } from 'node:fs';

describe('compiled flood kernel', () => {
  it('is what the AssemblyScript source compiles to today (run `npm run build:wasm` after editing the kernel)', async () => {
    expect(readFileSync(KERNEL_MODULE, 'utf8')).toBe(await floodKernelModuleText());
  }, 60_000);
});
