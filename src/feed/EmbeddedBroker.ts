import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { Aedes, type Client } from 'aedes';
import { WebSocketServer, createWebSocketStream } from 'ws';
import type { Authority } from '../server/Authority';
import { originAllowed, type OriginPolicy } from '../server/http/originPolicy';
import { BrokerAuth, type BrokerRefusals } from './brokerAuth';
import type { BrokerLimits } from './config/FeedConfig';
import { ConnectionLimiter } from './ConnectionLimiter';
import { MqttFrameGuard } from './MqttFrameGuard';

export interface EmbeddedBrokerOptions {
  /** Listen address; default 127.0.0.1 (local only). */
  host?: string;
  /** TCP (mqtt://) and WebSocket (ws://) ports; 0 = any free port. */
  tcpPort: number;
  wsPort: number;
  /** WebSocket path; default '/mqtt'. */
  wsPath?: string;
  authority: Authority;
  limits: BrokerLimits;
  origins: OriginPolicy;
  /** Answers plain HTTP requests on the WebSocket port (the session API); default 426. */
  http?: (req: IncomingMessage, res: ServerResponse) => void;
  /** An aedes persistence to reuse (from a stopped broker's `persistence`) so sessions survive a restart. */
  persistence?: unknown;
}

/** Connection-level refusals (before MQTT), by reason. */
export interface ListenerRefusals {
  refusedOrigins: number;
  refusedConnections: number;
  oversizedPackets: number;
}

/** Resolves once the server listens; rejects with the port named on failure. */
function listen(server: TcpServer | HttpServer, port: number, host: string, what: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (err) => reject(new Error(`${what} listener on ${host}:${port}: ${(err as Error).message}`)));
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function plain(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * An in-process MQTT 3.1.1 broker (aedes 1.x) with a TCP listener and a WebSocket listener on
 * localhost: token or service-password login with client ids bound to accounts (BrokerAuth),
 * the WebSocket's Origin checked, packet sizes bounded before and after login (MqttFrameGuard),
 * connections bounded in all and per address, unauthenticated connections closed after
 * connectTimeoutMs. The WebSocket port also serves plain HTTP (the session API).
 */
export class EmbeddedBroker {
  private readonly sockets = new Set<Socket>();
  private stopped = false;
  readonly listenerRefusals: ListenerRefusals = { refusedOrigins: 0, refusedConnections: 0, oversizedPackets: 0 };
  private readonly limiter: ConnectionLimiter;
  private readonly wss: WebSocketServer;
  private tcp!: TcpServer;
  private http!: HttpServer;
  urls = { tcp: '', ws: '' };
  readonly auth: BrokerAuth;

  private constructor(readonly aedes: Aedes, private readonly opts: EmbeddedBrokerOptions) {
    this.auth = new BrokerAuth(aedes, opts.authority, opts.limits);
    this.limiter = new ConnectionLimiter(opts.limits.maxConnections, opts.limits.maxConnectionsPerAddress);
    this.wss = new WebSocketServer({ noServer: true, maxPayload: opts.limits.maxPacketBytes + 16 });
  }

  static async start(opts: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
    const host = opts.host ?? '127.0.0.1', wsPath = opts.wsPath ?? '/mqtt';
    const aedes = await Aedes.createBroker({
      connectTimeout: opts.limits.connectTimeoutMs, ...(opts.persistence ? { persistence: opts.persistence } : {}),
    });
    const b = new EmbeddedBroker(aedes, opts);
    b.tcp = createTcpServer((socket) => b.admit(socket, socket.remoteAddress ?? '?', () => aedes.handle(socket), socket));
    b.http = createHttpServer(opts.http ?? ((_req, res) => { res.writeHead(426, { 'content-type': 'text/plain' }); res.end('MQTT over WebSocket only\n'); }));
    b.http.on('upgrade', (req, socket, head) => b.upgrade(req, socket, head, wsPath));
    const track = (s: Socket) => { b.sockets.add(s); s.once('close', () => b.sockets.delete(s)); };
    b.tcp.on('connection', track);
    b.http.on('connection', track);
    try {
      const tcpPort = await listen(b.tcp, opts.tcpPort, host, 'MQTT TCP');
      const wsPort = await listen(b.http, opts.wsPort, host, 'MQTT WebSocket');
      b.urls = { tcp: `mqtt://${host}:${tcpPort}`, ws: `ws://${host}:${wsPort}${wsPath}` };
      return b;
    } catch (err) {
      b.tcp.close();
      b.http.close();
      await new Promise<void>((r) => aedes.close(() => r()));
      throw err;
    }
  }

  /** Counts the connection (or refuses it), hands it to aedes and guards its packet sizes. */
  private admit(socket: Duplex, address: string, handle: () => Client, stream: Duplex): void {
    if (this.limiter.admit(address)) {
      this.listenerRefusals.refusedConnections++;
      socket.destroy();
      return;
    }
    socket.once('close', () => this.limiter.release(address));
    const client = handle();
    const { maxConnectBytes, maxPacketBytes } = this.opts.limits;
    const guard = new MqttFrameGuard(maxConnectBytes, maxPacketBytes, () => this.auth.isAuthenticated(client));
    // Attached after aedes's 'readable' listener: sees each chunk as aedes reads it, before parsing.
    stream.on('data', (chunk: Buffer) => {
      if (guard.observe(chunk)) {
        this.listenerRefusals.oversizedPackets++;
        socket.destroy();
      }
    });
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, wsPath: string): void {
    if ((req.url ?? '').split('?')[0] !== wsPath) return plain(socket, '404 Not Found');
    if (!originAllowed(req.headers.origin, req.headers.host, this.opts.origins)) {
      this.listenerRefusals.refusedOrigins++;
      return plain(socket, '403 Forbidden');
    }
    const address = req.socket.remoteAddress ?? '?';
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const stream = createWebSocketStream(ws);
      stream.on('error', () => {});
      this.admit(socket, address, () => this.aedes.handle(stream, req), stream);
    });
  }

  /** Refusals of every kind so far (listener and MQTT). */
  get refusals(): ListenerRefusals & BrokerRefusals {
    return { ...this.listenerRefusals, ...this.auth.refusals };
  }

  /** Connections counted now. */
  get openConnections(): number {
    return this.limiter.open;
  }

  /** The session/retained store; pass it to the next start() to keep persistent sessions. */
  get persistence(): unknown {
    return (this.aedes as unknown as { persistence: unknown }).persistence;
  }

  /** Closes the listeners and every client connection, then the broker. Safe twice. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const c of this.wss.clients) c.terminate();
    for (const s of this.sockets) s.destroy();
    await Promise.all([
      new Promise<void>((r) => this.tcp.close(() => r())),
      new Promise<void>((r) => this.wss.close(() => r())),
      new Promise<void>((r) => this.http.close(() => r())),
    ]);
    await new Promise<void>((r) => this.aedes.close(() => r()));
  }
}
