import { parseIsoDate } from '../../../../analysis/sun/sunPath';

/** The twin's cities keep China Standard Time: UTC+08:00 all year (no daylight saving). */
export const CITY_UTC_OFFSET_MIN = 480;

/** A local date and time of day in the city (minutes after local midnight). */
export interface LocalTime { date: string; minutes: number }

/** The UTC instant (Unix ms) of a local time in the city. */
export function localToUtcMs(t: LocalTime): number {
  const [y, m, d] = parseIsoDate(t.date, 'sun date');
  return Date.UTC(y, m, d) + (t.minutes - CITY_UTC_OFFSET_MIN) * 60_000;
}

/** 'YYYY-MM-DDTHH:MM' (local, the URL's form). */
export function formatLocalTime(t: LocalTime): string {
  return `${t.date}T${clock(t.minutes)}`;
}

/** 'HH:MM' of minutes after midnight. */
export function clock(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Reads 'YYYY-MM-DDTHH:MM' (local time in the city); throws naming `what` and the form expected. */
export function parseLocalTime(text: string, what = 'URL parameter "sun"'): LocalTime {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (!m || +m[2] > 23 || +m[3] > 59) throw new Error(`${what} must be a local time YYYY-MM-DDTHH:MM (UTC+08:00), got '${text}'`);
  parseIsoDate(m[1], what);
  return { date: m[1], minutes: +m[2] * 60 + +m[3] };
}
