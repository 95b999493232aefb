import type { Alert } from '../../signs/alerts/Alert';

/** What people added to an alert through commands. */
export interface AlertNotes {
  acknowledgedBy: string | null;
  resolvedBy: string | null;
  comments: Array<{ by: string; atMs: number; text: string }>;
  /** Until when displays keep it quiet (no flash, no sound), epoch ms; null when not silenced. */
  silencedUntilMs: number | null;
  silencedBy: string | null;
}

/** An alert as the hub publishes and stores it: the signs alert, its notes and the hub that owns it. */
export interface HubAlert extends Alert, AlertNotes {
  hubId: string;
}

export function emptyNotes(): AlertNotes {
  return { acknowledgedBy: null, resolvedBy: null, comments: [], silencedUntilMs: null, silencedBy: null };
}

const NOTE_KEYS: ReadonlyArray<keyof AlertNotes> = ['acknowledgedBy', 'resolvedBy', 'comments', 'silencedUntilMs', 'silencedBy'];

/** Splits a stored or received HubAlert into the signs alert and its notes. */
export function splitHubAlert(h: HubAlert): { alert: Alert; notes: AlertNotes } {
  const alert = { ...h } as Partial<HubAlert>;
  const notes = emptyNotes() as unknown as Record<string, unknown>;
  for (const k of NOTE_KEYS) { if (h[k] !== undefined) notes[k] = h[k]; delete alert[k]; }
  delete alert.hubId;
  return { alert: alert as Alert, notes: notes as unknown as AlertNotes };
}
