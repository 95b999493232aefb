import type { ConnectionStatus } from '../../signs/connection/SignsConnectionConfig';
import type { SignsLocale } from './alertText';

/** What the badge needs (SignsConnection fits). */
export interface StatusSource {
  readonly status: Readonly<ConnectionStatus>;
  readonly events: { subscribe(type: 'status', listener: (s: ConnectionStatus) => void): () => void };
}

const STATES: Record<ConnectionStatus['state'], [string, string, string]> = {
  idle: ['#6b7280', '未连接', 'not connected'],
  connecting: ['#facc15', '连接中', 'connecting'],
  connected: ['#22c55e', '已连接', 'connected'],
  reconnecting: ['#f97316', '重连中', 'reconnecting'],
  offline: ['#ef4444', '离线', 'offline'],
  closed: ['#6b7280', '已关闭', 'closed'],
};

/**
 * The feed connection badge: a coloured dot and the state, messages received and reconnect
 * count; the broker URL, session and last error in its tooltip. Announced politely to screen readers.
 */
export class ConnectionBadge {
  readonly element: HTMLElement;
  private readonly dot: HTMLElement;
  private readonly text: HTMLElement;
  private readonly off: () => void;
  private readonly timer: ReturnType<typeof setInterval>;

  /** @param refreshMs how often the message count is redrawn between status changes (default 1000) */
  constructor(parent: HTMLElement, private readonly source: StatusSource, private readonly locale: SignsLocale = 'zh', refreshMs = 1000) {
    const doc = parent.ownerDocument;
    this.element = doc.createElement('span');
    this.element.className = 'rc-badge';
    this.element.setAttribute('role', 'status');
    this.dot = doc.createElement('span');
    this.dot.className = 'rc-dot';
    this.text = doc.createElement('span');
    this.element.append(this.dot, this.text);
    parent.appendChild(this.element);
    this.off = source.events.subscribe('status', () => this.render());
    this.timer = setInterval(() => this.render(), refreshMs);
    this.render();
  }

  render(): void {
    const s = this.source.status, zh = this.locale === 'zh';
    const [colour, nameZh, nameEn] = STATES[s.state];
    this.element.dataset.state = s.state;
    this.element.style.setProperty('--rc-state', colour);
    const retry = s.nextRetryMs !== null && s.state !== 'connected' ? ` · ${zh ? '重试' : 'retry'} ${(s.nextRetryMs / 1000).toFixed(1)} s` : '';
    this.text.textContent = `${zh ? '数据' : 'Feed'}: ${zh ? nameZh : nameEn} · ${s.messages} ${zh ? '条' : 'msgs'} · ${zh ? '重连' : 'reconnects'} ${Math.max(0, s.connects - 1)}${retry}`;
    this.element.title = [
      s.url, `client ${s.clientId}`, s.sessionPresent === null ? '' : `session ${s.sessionPresent ? 'resumed' : 'new'}`,
      s.lastError ? `error: ${s.lastError}` : '',
    ].filter(Boolean).join('\n');
  }

  dispose(): void {
    clearInterval(this.timer);
    this.off();
    this.element.remove();
  }
}
