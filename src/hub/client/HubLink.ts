import type { SessionInfo } from '../../auth/SessionInfo';
import type { TopicPlan } from '../../signs/connection/SessionFeed';
import { Emitter } from '../../signs/events/Emitter';
import { displayTopicPlan } from './displayTopics';
import { HistoryClient } from './HistoryClient';
import { HubAlertSource } from './HubAlertSource';
import { HubCommands, type Publish } from './HubCommands';
import { HubState } from './HubState';

/** What a page holds while its session grants the hub of its city. */
export interface HubSide {
  readonly state: HubState;
  /** null for a viewer (no command topic). */
  readonly commands: HubCommands | null;
  /** The hub's shared alerts in the alert list's shape. */
  readonly alerts: HubAlertSource;
  readonly history: HistoryClient;
}

/**
 * A page's link to the operations hub, kept in step with its login: when the session grants the
 * hub of the page's city it holds the shared state, the command sender and the history client;
 * otherwise none (the page then runs the rules itself, as before the hub). The feed connection
 * subscribes to `topicsFor(info)` (the hub's topics instead of the raw readings while granted)
 * and hands every message to `take` first. DOM-free.
 */
export class HubLink {
  readonly events = new Emitter<{ side: HubSide | null }>();
  private current: HubSide | null = null;
  private grantKey = '';

  constructor(private readonly cityId: string, private readonly publish: Publish, private readonly fetchFn?: typeof fetch) {}

  /** The hub side while the session grants it, else null. */
  get side(): HubSide | null {
    return this.current;
  }

  /** What the feed connection subscribes to for this session (see displayTopicPlan). */
  topicsFor(info: SessionInfo | null): TopicPlan {
    return displayTopicPlan(info, this.cityId);
  }

  /** Follows a session change: builds or drops the hub side. */
  follow(info: SessionInfo | null): void {
    const h = info?.hub && info.hub.cityId === this.cityId ? info.hub : null;
    const key = h ? `${info!.account.username}|${h.commandTopic}|${h.apiBase}` : '';
    if (key === this.grantKey) return;
    this.grantKey = key;
    this.drop();
    if (h && info) {
      const state = new HubState(this.cityId);
      const commands = h.commandTopic ? new HubCommands(this.cityId, info.account, this.publish) : null;
      this.current = { state, commands, alerts: new HubAlertSource(state, commands), history: new HistoryClient(h.apiBase, this.fetchFn) };
    }
    this.events.emit('side', this.current);
  }

  /** Takes a hub message (state or a command reply); false when it is not one (a raw reading). */
  take(topic: string, payload: Uint8Array | string): boolean {
    if (!topic.startsWith('hub/')) return false;
    const s = this.current;
    if (s && !s.commands?.takeReply(topic, payload)) s.state.ingest(topic, payload);
    return true;
  }

  private drop(): void {
    if (!this.current) return;
    this.current.alerts.dispose();
    this.current.state.dispose();
    this.current = null;
  }

  dispose(): void {
    this.drop();
    this.events.dispose();
  }
}
