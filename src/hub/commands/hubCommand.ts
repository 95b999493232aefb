/** What a display may ask the hub to do with an alert. */
export type HubAction = 'acknowledge' | 'comment' | 'silence' | 'resolve';
export const HUB_ACTIONS: readonly HubAction[] = ['acknowledge', 'comment', 'silence', 'resolve'];

/** A command as published on `hub/<city>/commands/<unitId>/<username>`. */
export interface HubCommand {
  /** Chosen by the sender, unique per command (a retry reuses it): 8-64 of [A-Za-z0-9_-]. */
  id: string;
  action: HubAction;
  alertId: string;
  /** comment: the text (1-500 characters). */
  text?: string;
  /** silence: how long (60 s to 24 h). */
  durationS?: number;
}

/** The hub's answer on `hub/<city>/replies/<username>`. */
export interface HubReply {
  id: string | null;
  ok: boolean;
  /** Why it was refused (schema, rights, state), in words a display can show. */
  reason: string | null;
  action: HubAction | null;
  alertId: string | null;
  /** When the hub answered (epoch ms). */
  atMs: number;
}

export const MAX_COMMAND_BYTES = 4096;

/**
 * The part every command shares (alert and incident commands): at most MAX_COMMAND_BYTES of UTF-8
 * JSON, an object, with an id of 8-64 letters, digits, - or _. Returns the object and its id, or
 * the reason it is refused.
 */
export function readCommandObject(payload: Uint8Array): { o: Record<string, unknown>; id: string } | { error: string } {
  if (payload.length > MAX_COMMAND_BYTES) return { error: `command over ${MAX_COMMAND_BYTES} bytes` };
  let v: unknown;
  try {
    v = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
  } catch {
    return { error: 'command is not UTF-8 JSON' };
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { error: 'command: expected a JSON object' };
  const o = v as Record<string, unknown>;
  if (typeof o.id !== 'string' || !/^[A-Za-z0-9_-]{8,64}$/.test(o.id)) return { error: 'id: expected 8-64 letters, digits, - or _' };
  return { o, id: o.id };
}

/**
 * Validates a command payload; returns it or the reason it is refused (field and expected value),
 * with the command's id when that much was readable (so the sender can match the refusal).
 */
export function parseHubCommand(payload: Uint8Array): HubCommand | { error: string; id?: string } {
  const read = readCommandObject(payload);
  if ('error' in read) return read;
  const { o, id } = read;
  if (!HUB_ACTIONS.includes(o.action as HubAction)) return { id, error: `action: expected one of ${HUB_ACTIONS.join('|')}, got ${JSON.stringify(o.action) ?? 'nothing'}` };
  if (typeof o.alertId !== 'string' || !o.alertId || o.alertId.length > 200) return { id, error: 'alertId: expected an alert id' };
  const cmd: HubCommand = { id, action: o.action as HubAction, alertId: o.alertId };
  if (cmd.action === 'comment') {
    if (typeof o.text !== 'string' || !o.text.trim() || o.text.length > 500) return { id, error: 'text: expected a comment of 1-500 characters' };
    cmd.text = o.text.trim();
  }
  if (cmd.action === 'silence') {
    if (typeof o.durationS !== 'number' || !(o.durationS >= 60 && o.durationS <= 86_400)) return { id, error: 'durationS: expected seconds from 60 to 86400' };
    cmd.durationS = o.durationS;
  }
  return cmd;
}
