import { describe, expect, it } from 'vitest';
import { replayBanner } from './replayBanner';

describe('replayBanner', () => {
  it('names the replayed time, the day, how long ago, that it is not live and the way back', () => {
    const now = Date.UTC(2026, 11, 1, 9, 30);
    expect(replayBanner(Date.UTC(2026, 11, 1, 7, 25), now, 'UTC')).toEqual({ label: 'REPLAY 07:25', detail: 'today · 2 h 05 min ago · not live · R or Esc: back to live' });
    expect(replayBanner(Date.UTC(2026, 10, 30, 14, 2), now, 'UTC')).toEqual({ label: 'REPLAY 14:02', detail: 'yesterday · 19 h 28 min ago · not live · R or Esc: back to live' });
    expect(replayBanner(now - 12 * 60_000, now, 'Asia/Shanghai').label).toBe('REPLAY 17:18');
    expect(replayBanner(now, now, 'UTC').detail).toMatch(/^today · now · /);
  });
});
