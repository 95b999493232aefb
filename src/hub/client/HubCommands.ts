import type { HubAction, HubCommand, HubReply } from '../commands/hubCommand';
import { hubTopics, type HubTopics } from '../topics';

/** How commands leave the page: a QoS 1 publish (SignsConnection.publish fits). */
export type Publish = (topic: string, payload: string) => Promise<void>;

/** A command the hub did not take, with its reason ("role viewer may not act on alerts", ...). */
export class CommandRefused extends Error {
  constructor(readonly reply: HubReply) {
    super(reply.reason ?? 'refused');
  }
}

/**
 * A display's side of hub commands: publishes acknowledge / comment / silence / resolve on the
 * account's command topic (`hub/<city>/commands/<unit>/<username>`, the only one the broker lets
 * it use) with a fresh command id, and resolves with the hub's reply from
 * `hub/<city>/replies/<username>`. A reply that does not come in time is retried once with the
 * same id (the hub applies a command id once). DOM-free.
 */
export class HubCommands {
  readonly topics: HubTopics;
  private readonly waiting = new Map<string, { resolve: (r: HubReply) => void; reject: (e: Error) => void }>();

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
    const topic = this.topics.command(this.account.unitId, this.account.username);
    for (let attempt = 0; ; attempt++) {
      const reply = new Promise<HubReply>((resolve, reject) => {
        this.waiting.set(cmd.id, { resolve, reject });
        setTimeout(() => reject(new Error(`no reply from the hub to ${action} ${alertId} within ${this.timeoutMs} ms`)), this.timeoutMs);
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
      const r = JSON.parse(typeof payload === 'string' ? payload : new TextDecoder().decode(payload)) as HubReply;
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
