import { isClosureAction } from '../closures/closureCommand';
import type { ClosureOutcome } from '../closures/ClosureService';
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
  /** Closure commands: the road closure (a new one's id for close_road and close_flooded_roads). */
  closureId?: string;
  /** Closure commands: the vehicles re-routed, with their arrival before and after (epoch ms; null: no route). */
  rerouted?: Array<{ vehicleId: string; incidentId: string; etaBeforeMs: number | null; etaAfterMs: number | null }>;
}

export interface IncidentDeskOptions {
  book: IncidentBook;
  /** Applies road closure commands (close_road, reopen_road, close_flooded_roads); absent: refused (no road network). */
  closures?: (cmd: IncidentCommand, actor: IncidentActor) => Promise<ClosureOutcome | { refused: string }>;
  /** Tier of a unit id by its level (city, district, street), null for other levels and unknown ids. */
  tierOfUnit: (unitId: string) => IncidentActor['tier'] | null;
  accountOf?: (username: string) => CommandAccount | undefined;
  /** Roles that may act on incidents; default operator. */
  actingRoles?: readonly string[];
  findPast?: (id: string) => Promise<{ ok: boolean; reason: string | null; incidentId: string | null; closureId?: string | null } | null>;
  /** How long after this desk starts the store is asked for past commands (ms, default 60 s; see CommandDesk). */
  pastWindowMs?: number;
  clock: () => number;
}

/** What one command did. */
export interface IncidentDeskOutcome {
  reply: IncidentReply;
  command: IncidentCommand | null;
  /** The applied outcome (null when refused or repeated, or a closure command). */
  applied: BookOutcome | null;
  /** A closure command's outcome (null when refused or repeated, or an incident command). */
  closure: ClosureOutcome | null;
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
  /** Commands being applied (a flood closure runs the flood first): a retry waits for the first answer. */
  private readonly inFlight = new Map<string, Promise<IncidentReply>>();
  private readonly roles: ReadonlySet<string>;
  private readonly askStoreUntilMs: number;

  constructor(private readonly o: IncidentDeskOptions) {
    this.roles = new Set(o.actingRoles ?? ['operator']);
    this.askStoreUntilMs = o.clock() + (o.pastWindowMs ?? 60_000);
  }

  async handle(unitId: string, username: string, payload: Uint8Array): Promise<IncidentDeskOutcome> {
    const parsed = parseIncidentCommand(payload);
    const none = { applied: null, closure: null };
    if ('error' in parsed) return { reply: this.reply(parsed.id ? { id: parsed.id } : null, false, parsed.error), command: null, ...none, repeated: false };
    // Only a redelivery or a display's retry right after a restart can have been applied by an earlier hub.
    const past = this.done.get(parsed.id) ?? (await this.inFlight.get(parsed.id)) ?? (this.o.clock() < this.askStoreUntilMs ? await this.o.findPast?.(parsed.id).catch(() => null) : null);
    if (past) {
      const { proposal, closureId, rerouted } = past as Partial<IncidentReply>;
      const extra = { ...(proposal ? { proposal } : {}), ...(closureId ? { closureId } : {}), ...(rerouted ? { rerouted } : {}) };
      return { reply: { ...this.reply(parsed, past.ok, past.reason, past.incidentId ?? parsed.incidentId ?? null), ...extra }, command: parsed, ...none, repeated: true };
    }
    const applying = this.apply(parsed, unitId, username);
    this.inFlight.set(parsed.id, applying.then((x) => x.reply));
    try {
      const out = await applying;
      this.remember(parsed.id, out.reply);
      return { ...out, command: parsed, repeated: false };
    } finally {
      this.inFlight.delete(parsed.id);
    }
  }

  private async apply(cmd: IncidentCommand, unitId: string, username: string): Promise<Pick<IncidentDeskOutcome, 'reply' | 'applied' | 'closure'>> {
    const who = this.actor(unitId, username);
    if (typeof who === 'string') return { reply: this.reply(cmd, false, who), applied: null, closure: null };
    if (isClosureAction(cmd.action)) {
      // A failure here (a flood run that breaks) answers the sender instead of leaving it waiting.
      const c = this.o.closures ? await this.o.closures(cmd, who).catch((err: Error) => ({ refused: `the hub failed to apply ${cmd.action}: ${err.message}` }))
        : { refused: 'the hub has no road network: it keeps no road closures' };
      if ('refused' in c) return { reply: this.reply(cmd, false, c.refused), applied: null, closure: null };
      const rerouted = c.reroutes.map(({ vehicleId, incidentId, etaBeforeMs, etaAfterMs }) => ({ vehicleId, incidentId, etaBeforeMs, etaAfterMs }));
      return { reply: { ...this.reply(cmd, true, null, c.closure.incidentId), closureId: c.closure.id, rerouted }, applied: null, closure: c };
    }
    const result = this.o.book.apply(cmd, who);
    if ('refused' in result) return { reply: this.reply(cmd, false, result.refused), applied: null, closure: null };
    return { reply: { ...this.reply(cmd, true, null, result.incident.id), ...(result.proposal ? { proposal: result.proposal } : {}) }, applied: result, closure: null };
  }

  private reply(cmd: Partial<IncidentCommand> | null, ok: boolean, reason: string | null, incidentId = cmd?.incidentId ?? null): IncidentReply {
    return { id: cmd?.id ?? null, ok, reason, action: cmd?.action ?? null, incidentId, atMs: this.o.clock() };
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
