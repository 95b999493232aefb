import { describe, expect, it } from 'vitest';
import { clock, formatLocalTime, localToUtcMs, parseLocalTime } from './sunTime';

describe('sunTime', () => {
  it('reads and writes local times in UTC+08:00', () => {
    const t = parseLocalTime('2026-01-20T10:05');
    expect(t).toEqual({ date: '2026-01-20', minutes: 605 });
    expect(new Date(localToUtcMs(t)).toISOString()).toBe('2026-01-20T02:05:00.000Z');
    expect(formatLocalTime({ date: '2026-12-22', minutes: 7 * 60 + 30 })).toBe('2026-12-22T07:30');
    expect(clock(1439)).toBe('23:59');
  });

  it('refuses malformed times naming the form expected', () => {
    expect(() => parseLocalTime('2026-01-20 10:00')).toThrow(/"sun" must be a local time YYYY-MM-DDTHH:MM \(UTC\+08:00\), got '2026-01-20 10:00'/);
    expect(() => parseLocalTime('2026-02-30T10:00')).toThrow(/calendar date/);
    expect(() => parseLocalTime('2026-01-20T24:00')).toThrow(/local time/);
  });
});
