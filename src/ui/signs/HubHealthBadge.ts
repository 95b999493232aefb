import { hubHealth } from '../../hub/client/hubHealth';
import type { HubState } from '../../hub/client/HubState';

const COLOURS = { ok: '#22c55e', degraded: '#f97316', silent: '#ef4444' } as const;

/**
 * The operations hub's health beside the feed badge: ok with its readings per second, its store
 * retrying (and how much waits), or silent. Rechecked every second, so a hub that stops
 * publishing turns the badge red without any message arriving.
 */
export class HubHealthBadge {
  readonly element: HTMLElement;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(parent: HTMLElement, private readonly state: HubState) {
    const doc = parent.ownerDocument;
    this.element = doc.createElement('span');
    this.element.className = 'rc-badge rc-hub-badge';
    this.element.setAttribute('role', 'status');
    parent.appendChild(this.element);
    this.draw();
    this.timer = setInterval(() => this.draw(), 1000);
  }

  private draw(): void {
    const h = hubHealth(this.state.statuses.values(), Date.now());
    this.element.dataset.level = h.level;
    this.element.title = h.detail;
    this.element.innerHTML = `<span class="rc-dot" style="background:${COLOURS[h.level]}"></span>`;
    this.element.append(h.text);
  }

  dispose(): void {
    clearInterval(this.timer);
    this.element.remove();
  }
}
