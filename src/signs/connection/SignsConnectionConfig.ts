/** How the display reaches the feed's broker. */
export interface SignsConnectionConfig {
  /** Broker URL: ws://host:port/mqtt (browser and node) or mqtt://host:port (node). */
  url: string;
  /** Fixed client id (`<username>:<tab id>`): the broker keeps this id's session (subscriptions, queued QoS 1) while away. */
  clientId: string;
  /** The account and its broker token (from the session API), or a service account's password. */
  username?: string;
  password?: string;
  /** Subscription filters; default ['city/#']. */
  topics?: string[];
  /**
   * Filters an earlier page of this client id may have left in its kept session that this one must
   * not receive (the raw sensor filter, once the page reads the hub instead): unsubscribed at every
   * connect where the broker kept the session. Default none.
   */
  dropTopics?: string[];
  /** Subscription QoS; default 1 (queued for the persistent session while offline). */
  qos?: 0 | 1;
  /** MQTT clean session; default false (persistent). */
  clean?: boolean;
  /** First reconnect delay and its ceiling as it doubles (ms); defaults 500 and 30000. */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  /** CONNACK wait (ms), default 10000; keep-alive (s), default 30. */
  connectTimeoutMs?: number;
  keepaliveS?: number;
}

/** What the connection badge shows. */
export interface ConnectionStatus {
  state: 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'closed';
  url: string;
  clientId: string;
  /** Successful connections (1 after the first, +1 per reconnect). */
  connects: number;
  reconnectAttempts: number;
  /** Whether the broker still had this client's session at the last connect (null before one). */
  sessionPresent: boolean | null;
  /** Messages received in total. */
  messages: number;
  /** The latest connection or subscription error since the last successful connect. */
  lastError: string | null;
  /** Delay before the next reconnect attempt (ms), null while connected. */
  nextRetryMs: number | null;
  /** When the current state began (epoch ms). */
  sinceMs: number;
}
