import type { SessionClient } from '../../auth/SessionClient';
import { feedWebSocketUrl, type SessionInfo } from '../../auth/SessionInfo';
import { Emitter } from '../events/Emitter';
import { SignsConnection, type MessageSink } from './SignsConnection';

/**
 * Keeps a display's feed connection in step with its login: connects with the session's grant
 * (address, user name, token, client id), hands each refreshed token to the connection for its
 * next reconnect, and closes it on logout. `extraTopics` adds what the session grants besides the
 * raw sensor topics (the hub's shared state), subscribed before them. DOM-free.
 */
export class SessionFeed {
  readonly events = new Emitter<{ connection: SignsConnection | null }>();
  private conn: SignsConnection | null = null;
  private readonly off: () => void;

  private topicsKey = '';

  constructor(
    session: SessionClient, private readonly sink: MessageSink, private readonly pageUrl: string,
    private readonly extraTopics: (info: SessionInfo) => string[] = () => [],
  ) {
    this.off = session.events.subscribe('session', (info) => this.follow(info));
    if (session.current) this.follow(session.current);
  }

  /** The live connection, or null while logged out or without a feed. */
  get connection(): SignsConnection | null {
    return this.conn;
  }

  private follow(info: SessionInfo | null): void {
    const grant = info?.feed ?? null;
    const url = grant ? feedWebSocketUrl(grant.url, this.pageUrl) : '';
    // The session's extra topics (the hub's shared state) first: the broker sends retained messages
    // filter by filter in this order, and the city's raw topics hold one retained reading per sensor
    // (4,462 in the demo). Listed after them, a page opened late had the hub's alerts and incidents
    // only after every reading went through its busy main thread: tens of seconds on a loaded machine.
    const topics = grant && info ? [...new Set([...this.extraTopics(info), ...grant.topics])] : [];
    const c = this.conn, sameTopics = topics.join('\n') === this.topicsKey;
    this.topicsKey = topics.join('\n');
    if (grant && c && sameTopics && c.status.clientId === grant.clientId && c.status.url === url) {
      c.setCredentials(grant.username, grant.token);
      return;
    }
    if (c) void c.dispose();
    this.conn = null;
    if (grant) {
      this.conn = new SignsConnection({ url, clientId: grant.clientId, username: grant.username, password: grant.token, topics, qos: grant.qos }, this.sink);
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
