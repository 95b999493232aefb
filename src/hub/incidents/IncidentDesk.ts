import type { CommandAccount } from '../commands/CommandDesk';
import type { IncidentActor } from './Incident';
import type { BookOutcome, IncidentBook } from './IncidentBook';
import { parseIncidentCommand, type IncidentAction, type IncidentCommand } from './incidentCommand';
import type { DispatchProposal } from './IncidentDispatcher';

/** The hub's answer to an incident command, on `hub/<city>/replies/<username>` (beside alert replies). */
export interface IncidentReply {
  id: string | null;
  ok: boolean;
  /** Why it was refused (schema, rights, lifecycle, busy vehicle), in words a display can show. */
  reason: string | null;
  action: IncidentAction | null;
  /** The incident it was for (a new incident's id for create). */
  incidentId: string | null;
  atMs: number;
  /** propose: the vehicles the hub suggests. */
  proposal?: DispatchProposal;
}

export interface IncidentDeskOptions {
  book: IncidentBook;
  /** Tier of a unit id by its level (city, district, street), null for other levels and unknown ids. */
  tierOfUnit: (unitId: string) => IncidentActor['tier'] | null;
  accountOf?: (username: string) => CommandAccount | undefined;
  /** Roles that may act on incidents; default operator. */
  actingRoles?: readonly string[];
  findPast?: (id: string) => Promise<{ ok: boolean; reason: string | null; incidentId: string | null } | null>;
  clock: () => number;
}

/** What one command did. */
export interface IncidentDeskOutcome {
  reply: IncidentReply;
  command: IncidentCommand | null;
  /** The applied outcome (null when refused or repeated). */
  applied: BookOutcome | null;
  repeated: boolean;
}

/**
 * Validates and applies incident commands from `hub/<city>/incident-commands/<unit>/<username>`:
 * schema, who is acting (the topic's unit and name, checked again against the account when the hub
 * can read the accounts: role, unit, tier), idempotency (a command id is applied once; a retry gets
 * the first answer), then the IncidentBook's rights, lifecycle and ownership rules.
 */
export class IncidentDesk {
  private readonly done = new Map<string, IncidentReply>();
  private readonly roles: ReadonlySet<string>;

  constructor(private readonly o: IncidentDeskOptions) {
    this.roles = new Set(o.actingRoles ?? ['operator']);
  }

  async handle(unitId: string, username: string, payload: Uint8Array): Promise<IncidentDeskOutcome> {
    const parsed = parseIncidentCommand(payload);
    const reply = (cmd: Partial<IncidentCommand> | null, ok: boolean, reason: string | null, incidentId = cmd?.incidentId ?? null): IncidentReply =>
      ({ id: cmd?.id ?? null, ok, reason, action: cmd?.action ?? null, incidentId, atMs: this.o.clock() });
    if ('error' in parsed) return { reply: reply(parsed.id ? { id: parsed.id } : null, false, parsed.error), command: null, applied: null, repeated: false };
    const past = this.done.get(parsed.id) ?? (await this.o.findPast?.(parsed.id).catch(() => null));
    if (past) {
      const proposal = (past as Partial<IncidentReply>).proposal;
      return { reply: { ...reply(parsed, past.ok, past.reason, past.incidentId ?? parsed.incidentId ?? null), ...(proposal ? { proposal } : {}) }, command: parsed, applied: null, repeated: true };
    }
    const who = this.actor(unitId, username);
    const result = typeof who === 'string' ? { refused: who } : this.o.book.apply(parsed, who);
    const r = 'refused' in result ? reply(parsed, false, result.refused) : { ...reply(parsed, true, null, result.incident.id), ...(result.proposal ? { proposal: result.proposal } : {}) };
    this.remember(parsed.id, r);
    return { reply: r, command: parsed, applied: 'refused' in result ? null : result, repeated: false };
  }

  /** The acting centre, or the reason the sender may not act. */
  private actor(unitId: string, username: string): IncidentActor | string {
    let tier = this.o.tierOfUnit(unitId);
    if (this.o.accountOf) {
      const account = this.o.accountOf(username);
      if (!account) return `no account ${username}`;
      if (account.unitId !== unitId) return `${username} answers for unit ${account.unitId}, not ${unitId}`;
      if (!this.roles.has(account.role)) return `role ${account.role} may not act on incidents`;
      tier = account.tier ?? tier;
    }
    if (!tier) return `unit ${unitId} is not a city, district or street centre: incidents are handled there`;
    return { username, tier, unitId };
  }

  private remember(id: string, r: IncidentReply): void {
    this.done.set(id, r);
    if (this.done.size > 10_000) this.done.delete(this.done.keys().next().value!);
  }
}
