import type { Alert } from '../../signs/alerts/Alert';
import type { SignsStore } from '../../signs/SignsStore';
import { sensorOfAlertId } from '../hubAlertId';
import type { AlertNotes } from '../state/HubAlert';
import { emptyNotes } from '../state/HubAlert';
import { parseHubCommand, type HubCommand, type HubReply } from './hubCommand';

/** Who an account is, as far as commands go (from the accounts file, when the hub can read it). */
export interface CommandAccount {
  role: string;
  unitId: string;
  /** The account's centre tier (incident rights); absent: taken from the unit's level. */
  tier?: 'city' | 'district' | 'street';
}

export interface CommandDeskOptions {
  signs: SignsStore;
  notes: Map<string, AlertNotes>;
  cityUnitId: string;
  /** True when this hub owns the sensor (its district is one of the hub's). */
  owns: (sensorId: string) => boolean;
  /** True when the sensor is one of the city's (owned by this hub or another). */
  inCity: (sensorId: string) => boolean;
  /** This hub answers commands no hub owns (malformed, unknown sensor): one hub per city should. */
  responder: boolean;
  /** The account behind a user name, when the hub can check it again; undefined: trust the broker's ACL. */
  accountOf?: (username: string) => CommandAccount | undefined;
  /** Roles that may act on alerts; default operator. */
  actingRoles?: readonly string[];
  /** Outcome of a command already handled (the store), for idempotency across restarts. */
  findPast?: (id: string) => Promise<{ ok: boolean; reason: string | null } | null>;
  /**
   * How long after this desk starts the store is asked (ms, default 60 s). A command can only have
   * been applied by an earlier hub if it arrives as a QoS 1 redelivery on reconnect or as the
   * display's one retry (HubCommands: 5 s), both right after a restart; later, an id this desk has
   * not seen is new, and the command skips a store round trip that may wait behind bulk inserts.
   */
  pastWindowMs?: number;
  clock?: () => number;
}

/** What handling one command did: the reply, and the alert it changed (for publishing and the store). */
export interface CommandOutcome {
  reply: HubReply;
  command: HubCommand | null;
  /**
   * The alert it changed and how. 'acknowledged' and 'resolved' also came out of the signs store
   * as 'alert' events (with the notes' user already set); 'commented' and 'silenced' only here.
   */
  changed: { alert: Alert; change: string } | null;
  /** A retry of a command already applied: nothing was done again. */
  repeated: boolean;
}

/**
 * Validates and applies displays' commands: schema, ownership (the hub of the alert's district
 * answers), rights (the broker lets an account publish only under its own unit and name; the hub
 * checks the alert lies in that unit and, when it can read the accounts, the role and unit
 * again), idempotency (a command id is applied once; a retry gets the first answer).
 */
export class CommandDesk {
  private readonly done = new Map<string, HubReply>();
  private readonly roles: ReadonlySet<string>;
  private readonly clock: () => number;

  private readonly askStoreUntilMs: number;

  constructor(private readonly o: CommandDeskOptions) {
    this.roles = new Set(o.actingRoles ?? ['operator']);
    this.clock = o.clock ?? Date.now;
    this.askStoreUntilMs = this.clock() + (o.pastWindowMs ?? 60_000);
  }

  /** Handles a command from `username` for `unitId`; null when another hub owns it. */
  async handle(unitId: string, username: string, payload: Uint8Array): Promise<CommandOutcome | null> {
    const parsed = parseHubCommand(payload);
    const reply = (cmd: Partial<HubCommand> | null, ok: boolean, reason: string | null): HubReply =>
      ({ id: cmd?.id ?? null, ok, reason, action: cmd?.action ?? null, alertId: cmd?.alertId ?? null, atMs: this.clock() });
    if ('error' in parsed) return this.o.responder ? { reply: reply(parsed.id ? { id: parsed.id } : null, false, parsed.error), command: null, changed: null, repeated: false } : null;
    const sensorId = sensorOfAlertId(parsed.alertId);
    const mine = sensorId !== null && this.o.owns(sensorId);
    // Another district's hub answers for its alerts; the responder answers for alerts of nobody's sensor.
    if (!mine && (!this.o.responder || (sensorId !== null && this.o.inCity(sensorId)))) return null;
    const askStore = this.clock() < this.askStoreUntilMs;
    const past = this.done.get(parsed.id) ?? (askStore ? await this.o.findPast?.(parsed.id).catch(() => null) : null);
    if (past) return { reply: { ...reply(parsed, past.ok, past.reason) }, command: parsed, changed: null, repeated: true };
    const alert = this.o.signs.alerts.get(parsed.alertId);
    const refusal = !alert ? `no alert ${parsed.alertId}` : this.refusal(alert, unitId, username);
    const changed = refusal ? null : this.apply(parsed, alert!, username);
    const r = reply(parsed, !refusal && changed !== null, refusal ?? (changed ? null : `alert ${parsed.alertId} is ${alert!.state}: cannot ${parsed.action}`));
    this.remember(parsed.id, r);
    return { reply: r, command: parsed, changed: r.ok ? changed : null, repeated: false };
  }

  private refusal(alert: Alert, unitId: string, username: string): string | null {
    const units = [alert.gridId, alert.communityId, alert.streetId, alert.districtId, this.o.cityUnitId];
    if (!units.includes(unitId)) return `${username} acts for unit ${unitId}; alert ${alert.id} is in street ${alert.streetId} of district ${alert.districtId}`;
    if (!this.o.accountOf) return null;
    const account = this.o.accountOf(username);
    if (!account) return `no account ${username}`;
    if (account.unitId !== unitId) return `${username} answers for unit ${account.unitId}, not ${unitId}`;
    if (!this.roles.has(account.role)) return `role ${account.role} may not act on alerts`;
    return null;
  }

  private apply(cmd: HubCommand, alert: Alert, username: string): { alert: Alert; change: string } | null {
    const notes = this.o.notes.get(alert.id) ?? emptyNotes();
    this.o.notes.set(alert.id, notes);
    const now = this.clock();
    switch (cmd.action) {
      case 'acknowledge':
        notes.acknowledgedBy = username;
        if (this.o.signs.acknowledge(alert.id)) return { alert, change: 'acknowledged' };
        notes.acknowledgedBy = null;
        return null;
      case 'resolve':
        notes.resolvedBy = username;
        if (this.o.signs.resolve(alert.id)) return { alert, change: 'resolved' };
        notes.resolvedBy = null;
        return null;
      case 'comment':
        notes.comments.push({ by: username, atMs: now, text: cmd.text! });
        return { alert, change: 'commented' };
      case 'silence':
        if (alert.state === 'resolved') return null;
        notes.silencedUntilMs = now + cmd.durationS! * 1000;
        notes.silencedBy = username;
        return { alert, change: 'silenced' };
    }
  }

  private remember(id: string, r: HubReply): void {
    this.done.set(id, r);
    if (this.done.size > 10_000) this.done.delete(this.done.keys().next().value!);
  }
}
