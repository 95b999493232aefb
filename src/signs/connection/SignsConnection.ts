import mqtt from 'mqtt';
import type { IClientOptions, ISubscriptionGrant, MqttClient } from 'mqtt';
import { filterCovers } from '../../feed/topicFilters';
import { Emitter } from '../events/Emitter';
import { SENSOR_TOPIC_FILTER } from '../topics';
import type { ConnectionStatus, SignsConnectionConfig } from './SignsConnectionConfig';

/** Receives every message (topic, payload bytes); SignsStore.ingest fits. */
export type MessageSink = (topic: string, payload: Uint8Array) => void;

/**
 * The display's MQTT connection (mqtt.js; WebSocket in the browser, TCP or WebSocket in node).
 * Subscribes at QoS 1 under a fixed client id with a persistent session (clean: false), so the
 * broker queues QoS 1 messages published while the display is away and delivers them on
 * reconnect. Reconnects with exponential backoff; subscribes again when the broker has lost the
 * session. Reports its state as 'status' events. Publishes only when asked (a display's commands
 * to the hub); the broker decides what its account may publish.
 */
export class SignsConnection {
  readonly events = new Emitter<{ status: ConnectionStatus }>();
  private client: MqttClient | null = null;
  private readonly cfg: Required<SignsConnectionConfig>;
  private delayMs: number;
  private readonly st: ConnectionStatus;
  /** Subscriptions added while connected (a sensor's raw topic while its chart is open); kept across reconnects. */
  private readonly extra = new Set<string>();
  /** Topics removed while offline: the kept session still holds them until the next connect unsubscribes. */
  private readonly unsubscribeOnConnect = new Set<string>();

  constructor(config: SignsConnectionConfig, private readonly sink: MessageSink) {
    if (!config.url) throw new Error('SignsConnection config.url: expected a broker URL such as ws://127.0.0.1:8083/mqtt, got nothing');
    if (!config.clientId) throw new Error('SignsConnection config.clientId: expected a fixed client id (a persistent session needs one), got nothing');
    this.cfg = {
      username: '', password: '', topics: [SENSOR_TOPIC_FILTER], dropTopics: [], qos: 1, clean: false,
      reconnectMinMs: 500, reconnectMaxMs: 30_000, connectTimeoutMs: 10_000, keepaliveS: 30, ...config,
    };
    this.delayMs = this.cfg.reconnectMinMs;
    this.st = {
      state: 'idle', url: this.cfg.url, clientId: this.cfg.clientId, connects: 0, reconnectAttempts: 0,
      sessionPresent: null, messages: 0, lastError: null, nextRetryMs: null, sinceMs: Date.now(),
    };
  }

  /** Current status (a live object; copy what you keep). */
  get status(): Readonly<ConnectionStatus> {
    return this.st;
  }

  /** Every filter subscribed now: the configured ones, then those added. */
  get topics(): string[] {
    return [...this.cfg.topics, ...this.extra];
  }

  /**
   * Subscribes to more topics besides the configured ones, now and after every reconnect; a topic a
   * configured filter already covers is left out (the broker would deliver its messages twice).
   */
  addTopics(topics: readonly string[]): void {
    const add = topics.filter((t) => !this.extra.has(t) && !this.cfg.topics.some((f) => filterCovers(f, t)));
    for (const t of add) this.extra.add(t);
    if (add.length && this.client?.connected) this.subscribe(this.client, add);
  }

  /** Unsubscribes topics added with addTopics (others are ignored). */
  removeTopics(topics: readonly string[]): void {
    const gone = topics.filter((t) => this.extra.delete(t));
    if (!gone.length) return;
    if (this.client?.connected) this.client.unsubscribe(gone);
    else for (const t of gone) this.unsubscribeOnConnect.add(t);
  }

  /** Opens the connection (idempotent). */
  connect(): void {
    if (this.client) return;
    const c = this.cfg;
    const opts: IClientOptions = {
      clientId: c.clientId, clean: c.clean, resubscribe: false, protocolVersion: 4,
      reconnectPeriod: c.reconnectMinMs, connectTimeout: c.connectTimeoutMs, keepalive: c.keepaliveS,
      ...(c.username ? { username: c.username, password: c.password } : {}),
    };
    this.setState('connecting');
    const client = mqtt.connect(c.url, opts);
    this.client = client;
    client.on('connect', (connack) => this.onConnect(client, connack.sessionPresent));
    client.on('message', (topic, payload) => { this.st.messages++; this.sink(topic, payload); });
    client.on('reconnect', () => {
      this.st.reconnectAttempts++;
      // mqtt.js arms its next retry from options.reconnectPeriod after this attempt fails: double it.
      this.delayMs = Math.min(c.reconnectMaxMs, this.delayMs * 2);
      client.options.reconnectPeriod = this.delayMs;
      this.st.nextRetryMs = this.delayMs;
      this.setState('reconnecting');
    });
    client.on('offline', () => this.setState('offline'));
    client.on('close', () => { if (this.st.state === 'connected') this.setState('offline'); });
    client.on('error', (err) => { this.st.lastError = err.message; this.emit(); });
  }

  /**
   * Replaces the credentials the next (re)connect sends: a display gets a fresh short-lived broker
   * token before its current one expires (the broker closes the connection at expiry, and the
   * reconnect then presents the new token).
   */
  setCredentials(username: string, password: string): void {
    this.cfg.username = username;
    this.cfg.password = password;
    if (this.client) Object.assign(this.client.options, { username, password });
  }

  /** Publishes at QoS 1 (a command to the hub; `retain` for state walls read, e.g. a what-if run); rejects while not connected or when the broker refuses. */
  async publish(topic: string, payload: string | Uint8Array, opts: { retain?: boolean } = {}): Promise<void> {
    if (!this.client?.connected) throw new Error(`not connected to the feed: cannot publish to ${topic}`);
    await this.client.publishAsync(topic, payload as string, { qos: 1, retain: opts.retain === true });
  }

  private onConnect(client: MqttClient, sessionPresent: boolean): void {
    this.st.connects++;
    this.st.sessionPresent = sessionPresent;
    this.st.nextRetryMs = null;
    this.st.lastError = null;
    this.delayMs = this.cfg.reconnectMinMs;
    client.options.reconnectPeriod = this.delayMs;
    this.setState('connected');
    // A kept session holds the topic list of the page that used this client id before, which may
    // include filters this page must not get (the raw readings, now that the hub is read instead).
    const drop = sessionPresent ? [...this.cfg.dropTopics, ...this.unsubscribeOnConnect].filter((t) => !this.extra.has(t)) : [];
    this.unsubscribeOnConnect.clear();
    if (drop.length) client.unsubscribe(drop);
    // Subscribe on every connect, also when the broker kept the session: the session may hold another
    // page's topic list for this client id (a page reloaded with the hub granted), and a SUBSCRIBE
    // makes the broker send the retained state again (the hub's alerts and incidents), which may have
    // changed while the display was away. Queued QoS 1 messages are delivered either way.
    this.subscribe(client, this.topics);
  }

  private subscribe(client: MqttClient, topics: string[]): void {
    client.subscribe(topics, { qos: this.cfg.qos }, (err, granted) => {
      const refused = (granted ?? []).filter((g: ISubscriptionGrant) => g.qos === 128).map((g) => g.topic);
      if (err || refused.length) {
        this.st.lastError = `subscribe to ${(refused.length ? refused : topics).join(', ')} refused by the broker${err ? ` (${err.message})` : ''}`;
        this.emit();
      }
    });
  }

  private setState(state: ConnectionStatus['state']): void {
    if (this.st.state !== state) this.st.sinceMs = Date.now();
    this.st.state = state;
    this.emit();
  }

  private emit(): void {
    this.events.emit('status', this.st);
  }

  /** Closes the connection (sends DISCONNECT; the broker keeps the persistent session). Safe twice. */
  async dispose(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client) {
      await new Promise<void>((resolve) => client.end(false, {}, () => resolve()));
      this.setState('closed');
    }
    this.events.dispose();
  }
}
