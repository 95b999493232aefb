import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { Aedes } from 'aedes';
import { WebSocketServer, createWebSocketStream } from 'ws';
import type { FeedAccount } from '../signs/connection/FeedConfig';
import { installBrokerAuth } from './brokerAuth';

export interface EmbeddedBrokerOptions {
  /** Listen address; default 127.0.0.1 (local only). */
  host?: string;
  /** TCP (mqtt://) and WebSocket (ws://) ports; 0 = any free port. */
  tcpPort: number;
  wsPort: number;
  /** WebSocket path; default '/mqtt'. */
  wsPath?: string;
  accounts: Record<string, FeedAccount>;
  /** An aedes persistence to reuse (from a stopped broker's `persistence`) so sessions survive a restart. */
  persistence?: unknown;
}

/** Resolves once the server listens; rejects with the port named on failure. */
function listen(server: TcpServer | HttpServer, port: number, host: string, what: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (err) => reject(new Error(`${what} listener on ${host}:${port}: ${(err as Error).message}`)));
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * An in-process MQTT 3.1.1 broker (aedes 1.x) with a TCP listener and a WebSocket listener on
 * localhost, username/password accounts and per-account topic rules (see installBrokerAuth).
 */
export class EmbeddedBroker {
  private readonly sockets = new Set<Socket>();
  private stopped = false;

  private constructor(
    readonly aedes: Aedes,
    private readonly tcp: TcpServer,
    private readonly http: HttpServer,
    private readonly wss: WebSocketServer,
    readonly urls: { tcp: string; ws: string },
    readonly refusals: { refusedPublishes: number; refusedSubscriptions: number },
  ) {
    const track = (s: Socket) => { this.sockets.add(s); s.once('close', () => this.sockets.delete(s)); };
    tcp.on('connection', track);
    http.on('connection', track);
  }

  static async start(opts: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
    const host = opts.host ?? '127.0.0.1', wsPath = opts.wsPath ?? '/mqtt';
    const aedes = await Aedes.createBroker(opts.persistence ? { persistence: opts.persistence } : {});
    const refusals = installBrokerAuth(aedes, opts.accounts);
    const tcp = createTcpServer((socket) => aedes.handle(socket));
    const http = createHttpServer((_req, res) => { res.writeHead(426, { 'content-type': 'text/plain' }); res.end('MQTT over WebSocket only\n'); });
    const wss = new WebSocketServer({ server: http, path: wsPath });
    wss.on('connection', (ws, req) => aedes.handle(createWebSocketStream(ws), req));
    try {
      const tcpPort = await listen(tcp, opts.tcpPort, host, 'MQTT TCP');
      const wsPort = await listen(http, opts.wsPort, host, 'MQTT WebSocket');
      return new EmbeddedBroker(aedes, tcp, http, wss, { tcp: `mqtt://${host}:${tcpPort}`, ws: `ws://${host}:${wsPort}${wsPath}` }, refusals);
    } catch (err) {
      tcp.close();
      http.close();
      await new Promise<void>((r) => aedes.close(() => r()));
      throw err;
    }
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
