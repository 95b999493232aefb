import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { referenceData } from '../referenceData';

describe('referenceData', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rc-ref-'));
  afterEach(() => { vi.restoreAllMocks(); vi.unstubAllEnvs(); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds present data silently', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(referenceData('a present check', 'x', dir)).toEqual({ path: dir, present: true });
    expect(warn).not.toHaveBeenCalled();
  });

  it('prints one line naming the check and the path when the data is absent', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const missing = join(dir, 'missing');
    expect(referenceData('an absent check', 'x', missing)).toEqual({ path: missing, present: false });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/^reference check skipped: an absent check \(needs .*missing;/);
  });

  it('throws instead of skipping under TWIN_REQUIRE_REFERENCE=1', () => {
    vi.stubEnv('TWIN_REQUIRE_REFERENCE', '1');
    expect(() => referenceData('a required check', 'x', join(dir, 'missing'))).toThrow(/TWIN_REQUIRE_REFERENCE=1 but reference check skipped: a required check/);
  });
});
