const MINUTE = 60_000;

/** "2 h 05 min ago", "12 min ago", "now". */
function agoText(ms: number): string {
  const m = Math.round(ms / MINUTE);
  if (m <= 0) return 'now';
  return m < 60 ? `${m} min ago` : `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min ago`;
}

/**
 * What the wall's replay banner says for a replayed moment: the big label ('REPLAY 14:32', also
 * tagged on every panel) and the line under it (which day, how long ago, that it is not live, and
 * the keys back), in the wall's time zone unless one is given.
 */
export function replayBanner(atMs: number, nowMs: number, timeZone?: string): { label: string; detail: string } {
  const hhmm = new Date(atMs).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone });
  const day = (ms: number) => new Date(ms).toLocaleDateString('en-GB', { timeZone });
  const when = day(atMs) === day(nowMs) ? 'today' : 'yesterday';
  return { label: `REPLAY ${hhmm}`, detail: `${when} · ${agoText(nowMs - atMs)} · not live · R or Esc: back to live` };
}
