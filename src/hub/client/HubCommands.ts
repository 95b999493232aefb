import type { HubAction, HubCommand, HubReply } from '../commands/hubCommand';
import type { IncidentAction, IncidentCommand } from '../incidents/incidentCommand';
import type { IncidentReply } from '../incidents/IncidentDesk';
import { hubTopics, type HubTopics } from '../topics';

/** How commands leave the page: a QoS 1 publish (SignsConnection.publish fits). */
export type Publish = (topic: string, payload: string) => Promise<void>;

/** A command the hub did not take, with its reason ("role viewer may not act on alerts", ...). */
export class CommandRefused extends Error {
  constructor(readonly reply: HubReply | IncidentReply) {
    super(reply.reason ?? 'refused');
  }
}

/** The fields of an incident command besides its id and action. */
export type IncidentFields = Omit<IncidentCommand, 'id' | 'action'>;

/**
 * A display's side of hub commands: publishes acknowledge / comment / silence / resolve on the
 * account's command topic (`hub/<city>/commands/<unit>/<username>`, the only one the broker lets
 * it use), and incident actions on `hub/<city>/incident-commands/<unit>/<username>`, each with a
 * fresh command id, and resolves with the hub's reply from `hub/<city>/replies/<username>`. A
 * reply that does not come in time is retried once with the same id (the hub applies a command id
 * once). DOM-free.
 */
export class HubCommands {
  readonly topics: HubTopics;
  private readonly waiting = new Map<string, { resolve: (r: HubReply & IncidentReply) => void; reject: (e: Error) => void }>();

  constructor(cityId: string, private readonly account: { username: string; unitId: string }, private readonly publish: Publish, private readonly timeoutMs = 5000) {
    this.topics = hubTopics(cityId);
  }

  /** The topic to subscribe to for the replies. */
  get replyTopic(): string {
    return this.topics.reply(this.account.username);
  }

  /** Sends a command; resolves with the hub's reply when it was applied, rejects with CommandRefused or a timeout. */
  async send(action: HubAction, alertId: string, extra: { text?: string; durationS?: number } = {}): Promise<HubReply> {
    const cmd: HubCommand = { id: commandId(), action, alertId, ...extra };
    return this.exchange(this.topics.command(this.account.unitId, this.account.username), cmd, `${action} ${alertId}`);
  }

  /**
   * Sends an incident command (create, triage, propose, dispatch, on_scene, resolve, close,
   * escalate, hand_down, note, and the road closures close_road, reopen_road,
   * close_flooded_roads); resolves with the reply (`incidentId`: the new incident's for create;
   * `proposal` for propose; `closureId` and `rerouted` for closures), rejects with CommandRefused
   * (the hub's reason) or a timeout (a minute for close_flooded_roads: the hub may run the flood first).
   */
  async incident(action: IncidentAction, fields: IncidentFields): Promise<IncidentReply> {
    const cmd: IncidentCommand = { id: commandId(), action, ...fields };
    const timeoutMs = action === 'close_flooded_roads' ? Math.max(this.timeoutMs, 60_000) : this.timeoutMs;
    return this.exchange(this.topics.incidentCommand(this.account.unitId, this.account.username), cmd, `${action} ${fields.incidentId ?? fields.closureId ?? fields.run ?? 'incident'}`, timeoutMs);
  }

  private async exchange<R extends HubReply | IncidentReply>(topic: string, cmd: { id: string }, what: string, timeoutMs = this.timeoutMs): Promise<R> {
    for (let attempt = 0; ; attempt++) {
      const reply = new Promise<R>((resolve, reject) => {
        this.waiting.set(cmd.id, { resolve: resolve as (r: HubReply & IncidentReply) => void, reject });
        setTimeout(() => reject(new Error(`no reply from the hub to ${what} within ${timeoutMs} ms`)), timeoutMs);
      });
      await this.publish(topic, JSON.stringify(cmd));
      try {
        const r = await reply;
        if (!r.ok) throw new CommandRefused(r);
        return r;
      } catch (err) {
        if (err instanceof CommandRefused || attempt >= 1) { this.waiting.delete(cmd.id); throw err; }
      }
    }
  }

  /** Feed messages of the reply topic here; true when it answered a waiting command. */
  takeReply(topic: string, payload: Uint8Array | string): boolean {
    if (topic !== this.replyTopic) return false;
    try {
      const r = JSON.parse(typeof payload === 'string' ? payload : new TextDecoder().decode(payload)) as HubReply & IncidentReply;
      const w = r.id ? this.waiting.get(r.id) : undefined;
      if (!w) return false;
      this.waiting.delete(r.id!);
      w.resolve(r);
      return true;
    } catch {
      return false;
    }
  }
}

function commandId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
