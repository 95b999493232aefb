import type { SessionClient } from '../../auth/SessionClient';
import { feedWebSocketUrl, type SessionInfo } from '../../auth/SessionInfo';
import { Emitter } from '../events/Emitter';
import { SignsConnection, type MessageSink } from './SignsConnection';

/** What a display subscribes to for a session, and what a kept session of its client id must drop. */
export interface TopicPlan {
  topics: string[];
  drop: string[];
}

/** Without a plan: the grant's topics (the raw sensor readings). */
const grantTopics = (info: SessionInfo): TopicPlan => ({ topics: info.feed?.topics ?? [], drop: [] });

/**
 * Keeps a display's feed connection in step with its login: connects with the session's grant
 * (address, user name, token, client id), hands each refreshed token to the connection for its
 * next reconnect, and closes it on logout. `plan` says what to subscribe to for a session (the
 * hub's shared state instead of the raw readings when the hub is granted); `watch` adds a topic
 * while something needs it (one sensor's raw readings while its chart is open). DOM-free.
 */
export class SessionFeed {
  readonly events = new Emitter<{ connection: SignsConnection | null }>();
  private conn: SignsConnection | null = null;
  private readonly off: () => void;

  private topicsKey = '';
  /** Topics asked for with watch(), with how many ask. */
  private readonly watched = new Map<string, number>();

  constructor(
    session: SessionClient, private readonly sink: MessageSink, private readonly pageUrl: string,
    private readonly plan: (info: SessionInfo) => TopicPlan = grantTopics,
  ) {
    this.off = session.events.subscribe('session', (info) => this.follow(info));
    if (session.current) this.follow(session.current);
  }

  /** The live connection, or null while logged out or without a feed. */
  get connection(): SignsConnection | null {
    return this.conn;
  }

  /** Receives `topic` too until the returned release is called (counted: the last release unsubscribes). */
  watch(topic: string): () => void {
    const n = this.watched.get(topic) ?? 0;
    this.watched.set(topic, n + 1);
    if (n === 0) this.conn?.addTopics([topic]);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.watched.get(topic) ?? 1) - 1;
      if (left > 0) { this.watched.set(topic, left); return; }
      this.watched.delete(topic);
      this.conn?.removeTopics([topic]);
    };
  }

  private follow(info: SessionInfo | null): void {
    const grant = info?.feed ?? null;
    const url = grant ? feedWebSocketUrl(grant.url, this.pageUrl) : '';
    const plan = grant && info ? this.plan(info) : { topics: [], drop: [] };
    const topics = [...new Set(plan.topics)], key = `${topics.join('\n')}|${plan.drop.join('\n')}`;
    const c = this.conn, sameTopics = key === this.topicsKey;
    this.topicsKey = key;
    if (grant && c && sameTopics && c.status.clientId === grant.clientId && c.status.url === url) {
      c.setCredentials(grant.username, grant.token);
      return;
    }
    if (c) void c.dispose();
    this.conn = null;
    if (grant) {
      this.conn = new SignsConnection({ url, clientId: grant.clientId, username: grant.username, password: grant.token, topics, dropTopics: plan.drop, qos: grant.qos }, this.sink);
      this.conn.addTopics([...this.watched.keys()]);
      this.conn.connect();
    }
    this.events.emit('connection', this.conn);
  }

  /** Closes the connection; safe twice. */
  dispose(): void {
    this.off();
    void this.conn?.dispose();
    this.conn = null;
    this.events.dispose();
  }
}
