import type { ReplayState } from '../../hub/client/HubReplay';
import { REPLAY_SPAN_MS, REPLAY_SPEEDS } from '../../hub/client/HubReplay';
import { SENSOR_KIND_SPECS, isSensorKind } from '../../signs/schema/sensorKinds';
import { SEVERITY_COLOURS } from './severityColours';

export interface ReplayPanelHandlers {
  onSeek(atMs: number): void;
  onPlay(speed: number): void;
  onPause(): void;
  onLive(): void;
}

const MINUTE = 60_000;
const KEY_STEPS_MS: Record<string, number> = { ArrowLeft: -MINUTE, ArrowDown: -MINUTE, ArrowRight: MINUTE, ArrowUp: MINUTE, PageDown: -60 * MINUTE, PageUp: 60 * MINUTE };
const clockText = (ms: number) => new Date(ms).toLocaleString('en-GB', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const agoText = (ms: number) => { const m = Math.round(ms / MINUTE); return m < 60 ? `${m} min ago` : `${Math.floor(m / 60)} h ${m % 60} min ago`; };

/**
 * The replay section: a slider over the last 24 h (1-minute steps; arrow keys move a minute, Page
 * Up/Down an hour), Play at 1 min/s, 10 min/s or 1 h/s, Back to live, and what was so then: the
 * city's vital signs from the nearest snapshot and the alerts open at that moment.
 */
export class ReplayPanel {
  readonly element: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly when: HTMLOutputElement;
  private readonly play: HTMLButtonElement;
  private readonly speed: HTMLSelectElement;
  private readonly body: HTMLElement;
  /** The moment shown (ms): the keys step from it, not from the slider's minute, which drifts with the clock. */
  private atMs = 0;

  constructor(parent: HTMLElement, private readonly h: ReplayPanelHandlers, private readonly now: () => number = Date.now) {
    const doc = parent.ownerDocument;
    this.element = doc.createElement('div');
    this.element.className = 'replay-panel';
    this.element.innerHTML = `<label>Time <input type="range" name="replay-time" min="0" step="1"><output></output></label>
      <div class="replay-controls"><button type="button" class="replay-play">Play</button>
      <select name="replay-speed" aria-label="Replay speed">${REPLAY_SPEEDS.map((s) => `<option value="${s}">${s / 60} min/s</option>`).join('')}</select>
      <button type="button" class="replay-live">Back to live</button></div><div class="replay-body" aria-live="polite"><p class="muted">Move the slider or press Play to see the city as the hub's store kept it.</p></div>`;
    this.slider = this.element.querySelector('input')!;
    this.when = this.element.querySelector('output')!;
    this.play = this.element.querySelector('.replay-play')!;
    this.speed = this.element.querySelector('select')!;
    this.speed.value = String(REPLAY_SPEEDS[1]);
    this.body = this.element.querySelector('.replay-body')!;
    this.slider.max = String(REPLAY_SPAN_MS / MINUTE);
    this.slider.setAttribute('aria-keyshortcuts', 'ArrowLeft ArrowRight PageUp PageDown');
    this.slider.addEventListener('input', () => this.h.onSeek(this.fromSlider()));
    this.slider.addEventListener('keydown', (e) => {
      const step = KEY_STEPS_MS[e.key];
      if (step === undefined) return;
      // The slider's value counts minutes from 24 h before now, and now moves on: re-reading it after a
      // key would land up to half a minute off (plus the time since it was set). A key moves exactly.
      e.preventDefault();
      const to = Math.min(this.now(), Math.max(this.now() - REPLAY_SPAN_MS, this.atMs + step));
      this.setPosition(to); // a second key before the state is drawn steps on from here
      this.h.onSeek(to);
    });
    this.play.addEventListener('click', () => (this.play.getAttribute('aria-pressed') === 'true' ? this.h.onPause() : this.h.onPlay(Number(this.speed.value))));
    this.element.querySelector('.replay-live')!.addEventListener('click', () => this.h.onLive());
    parent.appendChild(this.element);
    this.setPosition(now() - 3_600_000);
  }

  private fromSlider(): number {
    return this.now() - REPLAY_SPAN_MS + Number(this.slider.value) * MINUTE;
  }

  /** Moves the slider to a moment (ms). */
  setPosition(atMs: number): void {
    this.atMs = atMs;
    this.slider.value = String(Math.round((atMs - (this.now() - REPLAY_SPAN_MS)) / MINUTE));
    this.when.textContent = `${clockText(atMs)} (${agoText(this.now() - atMs)})`;
  }

  setPlaying(playing: boolean): void {
    this.play.textContent = playing ? 'Pause' : 'Play';
    this.play.setAttribute('aria-pressed', String(playing));
  }

  showState(s: ReplayState): void {
    this.setPosition(s.atMs);
    const doc = this.element.ownerDocument;
    const signs = doc.createElement('table');
    signs.className = 'replay-signs';
    const kinds = [...s.city].filter(([k]) => isSensorKind(k));
    signs.innerHTML = s.snapshotMs === null ? '' : `<caption>City, snapshot of ${clockText(s.snapshotMs)}</caption>` + kinds.map(([k, v]) => {
      const spec = SENSOR_KIND_SPECS[k as keyof typeof SENSOR_KIND_SPECS];
      return `<tr data-kind="${k}"><th>${spec.title}</th><td>${v === null ? 'no data' : `${Number(v.toPrecision(4))} ${spec.unitLabel}`}</td></tr>`;
    }).join('');
    const list = doc.createElement('ul');
    list.className = 'replay-alerts';
    for (const a of s.alerts) {
      const li = doc.createElement('li');
      li.dataset.id = a.id;
      li.innerHTML = `<span class="wall-dot" style="background:${SEVERITY_COLOURS[a.severity]}"></span>`;
      li.append(`${a.title} · ${a.label} · ${a.state} (raised ${clockText(a.raisedAtMs)})`);
      list.append(li);
    }
    const head = doc.createElement('p');
    head.textContent = `${s.alerts.length} alert${s.alerts.length === 1 ? '' : 's'} open then${s.snapshotMs === null ? '; no indicator snapshot within 5 min before (the hub keeps one a minute while it runs)' : ''}.`;
    this.body.replaceChildren(head, ...(s.snapshotMs === null ? [] : [signs]), list);
  }

  showError(message: string): void {
    const p = this.element.ownerDocument.createElement('p');
    p.className = 'muted';
    p.textContent = `Replay unavailable: ${message}`;
    this.body.replaceChildren(p);
  }

  dispose(): void {
    this.element.remove();
  }
}
