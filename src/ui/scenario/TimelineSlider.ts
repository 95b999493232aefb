import type { ScenarioTimeline } from '../../scenario/compare/ScenarioTimeline';
import { formatDuration } from './formatKpi';

/**
 * The timeline bar: previous/next frame buttons, a range slider over the run (keyboard: arrow keys
 * and Page Up/Down step a frame, Home/End jump to the ends) and the time shown as elapsed time and
 * clock time. It scrubs a ScenarioTimeline, which every run's layers follow.
 */
export class TimelineSlider {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly output: HTMLOutputElement;
  private readonly values: HTMLElement;
  private timeline: ScenarioTimeline | null = null;
  private unsubscribe: (() => void) | null = null;
  private startIso = '';

  constructor(parent: HTMLElement, private readonly describe: (timeline: ScenarioTimeline) => string = () => '') {
    this.element = document.createElement('div');
    this.element.className = 'sc-timeline';
    this.element.setAttribute('role', 'group');
    this.element.setAttribute('aria-label', 'Scenario timeline');
    this.element.hidden = true;
    const prev = button('◀', 'Previous frame', () => this.timeline?.step(-1));
    const next = button('▶', 'Next frame', () => this.timeline?.step(1));
    this.input = document.createElement('input');
    this.input.type = 'range';
    this.input.id = 'scenario-time';
    this.input.min = '0';
    this.input.setAttribute('aria-label', 'Scenario time');
    this.input.addEventListener('input', () => this.timeline?.setTime(Number(this.input.value)));
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.output = document.createElement('output');
    this.output.htmlFor.add('scenario-time');
    this.values = document.createElement('span');
    this.values.className = 'sc-values';
    this.element.append(prev, this.input, next, this.output, this.values);
    parent.appendChild(this.element);
  }

  /** Binds a timeline (null hides the bar); `startIso` names the scenario's start for clock times. */
  bind(timeline: ScenarioTimeline | null, startIso = ''): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.timeline = timeline;
    this.element.hidden = timeline === null;
    if (!timeline) return;
    this.startIso = startIso;
    this.input.max = String(timeline.durationS);
    this.input.step = String(timeline.timesS.length > 1 ? timeline.timesS[1] - timeline.timesS[0] : timeline.durationS);
    this.unsubscribe = timeline.subscribe(() => this.render());
    this.render();
  }

  private onKey(e: KeyboardEvent): void {
    const step = { ArrowRight: 1, ArrowUp: 1, PageUp: 1, ArrowLeft: -1, ArrowDown: -1, PageDown: -1 }[e.key] as 1 | -1 | undefined;
    if (!this.timeline) return;
    if (step) { e.preventDefault(); this.timeline.step(step); }
    else if (e.key === 'Home') { e.preventDefault(); this.timeline.setTime(0); }
    else if (e.key === 'End') { e.preventDefault(); this.timeline.setTime(this.timeline.durationS); }
  }

  private render(): void {
    const t = this.timeline!;
    this.input.value = String(t.timeS);
    const clock = clockAt(this.startIso, t.timeS);
    const text = `t = ${formatDuration(t.timeS)}${clock ? ` · ${clock}` : ''}`;
    this.output.value = text;
    this.input.setAttribute('aria-valuetext', text);
    this.values.textContent = this.describe(t);
  }

  dispose(): void {
    this.unsubscribe?.();
    this.element.remove();
  }
}

function button(text: string, label: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.setAttribute('aria-label', label);
  b.addEventListener('click', onClick);
  return b;
}

/** The wall-clock time `tS` seconds after an ISO start, in the start's own UTC offset: '2026-07-12 15:30 +08:00'. */
export function clockAt(startIso: string, tS: number): string {
  const ms = Date.parse(startIso);
  if (!Number.isFinite(ms)) return '';
  const m = /(Z|[+-]\d{2}:\d{2})$/.exec(startIso)?.[1] ?? 'Z';
  const offsetMin = m === 'Z' ? 0 : (m[0] === '-' ? -1 : 1) * (Number(m.slice(1, 3)) * 60 + Number(m.slice(4, 6)));
  const local = new Date(ms + tS * 1000 + offsetMin * 60000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)} ${m === 'Z' ? 'UTC' : m}`;
}
