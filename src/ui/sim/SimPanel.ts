import type { FloodKpis } from '../../sim/flood/floodKpis';

export interface SimPanelOptions {
  onRun(peakMmPerHour: number): void;
  onCancel(): void;
  /** Remove the run's water, frames and KPIs. */
  onClear(): void;
  /** Time slider moved to output frame `index`. */
  onFrame(index: number): void;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * Flood what-if: choose the storm, run it over the 1 km² in view (in the simulation worker, with
 * progress and Cancel), then scrub or play the output frames with the time slider (arrow keys
 * step it) and read the KPIs; Clear removes the run.
 */
export class SimPanel {
  readonly element: HTMLElement;
  readonly slider: HTMLInputElement;
  private readonly storm: HTMLSelectElement;
  private readonly run: HTMLButtonElement;
  private readonly cancel: HTMLButtonElement;
  private readonly clear: HTMLButtonElement;
  private readonly progress: HTMLProgressElement;
  private readonly status: HTMLElement;
  private readonly time: HTMLOutputElement;
  private readonly kpis: HTMLDListElement;
  private times: number[] = [];

  constructor(parent: HTMLElement, private readonly opts: SimPanelOptions) {
    const el = <K extends keyof HTMLElementTagNameMap>(t: K, cls?: string) => { const e = document.createElement(t); if (cls) e.className = cls; return e; };
    this.element = el('section', 'panel sim-panel');
    this.element.setAttribute('aria-label', 'Flood simulation');
    const h = el('h2'); h.textContent = 'Flood what-if';
    this.storm = el('select');
    this.storm.setAttribute('aria-label', 'Storm');
    for (const [v, t] of [['60', '1 h storm, peak 60 mm/h'], ['120', '1 h storm, peak 120 mm/h'], ['180', '1 h storm, peak 180 mm/h (rainstorm red warning)']]) this.storm.add(new Option(t, v));
    this.storm.value = '180';
    this.run = el('button', 'sim-run'); this.run.type = 'button'; this.run.textContent = 'Run over the 1 km² in view';
    this.run.addEventListener('click', () => this.opts.onRun(Number(this.storm.value)));
    this.cancel = el('button', 'sim-cancel'); this.cancel.type = 'button'; this.cancel.textContent = 'Cancel'; this.cancel.disabled = true;
    this.cancel.addEventListener('click', () => this.opts.onCancel());
    this.clear = el('button', 'sim-clear'); this.clear.type = 'button'; this.clear.textContent = 'Clear'; this.clear.disabled = true;
    this.clear.addEventListener('click', () => this.opts.onClear());
    this.progress = el('progress'); this.progress.max = 1; this.progress.value = 0; this.progress.setAttribute('aria-label', 'Simulation progress');
    this.status = el('p', 'sim-status'); this.status.setAttribute('aria-live', 'polite');
    const sliderLabel = el('label');
    this.slider = el('input', 'sim-time'); this.slider.type = 'range'; this.slider.min = '0'; this.slider.max = '0'; this.slider.step = '1'; this.slider.disabled = true;
    this.slider.setAttribute('aria-label', 'Simulated time');
    this.slider.addEventListener('input', () => { this.showTime(); this.opts.onFrame(Number(this.slider.value)); });
    this.time = el('output'); this.time.textContent = '–';
    sliderLabel.append('Time ', this.slider, ' ', this.time);
    this.kpis = el('dl', 'sim-kpis');
    const row = el('div', 'dispatch-row'); row.append(this.run, this.cancel, this.clear);
    this.element.append(h, this.storm, row, this.progress, this.status, sliderLabel, this.kpis);
    parent.appendChild(this.element);
  }

  setRunning(on: boolean): void {
    this.run.disabled = on;
    this.cancel.disabled = !on;
    this.clear.disabled = on || this.times.length === 0;
    if (on) { this.progress.value = 0; this.kpis.replaceChildren(); }
  }

  setProgress(fraction: number, text: string): void {
    this.progress.value = fraction;
    this.status.textContent = text;
  }

  /** Adds an output frame at simulated time `timeS` and moves the slider to it. */
  addFrame(timeS: number): void {
    this.times.push(timeS);
    this.slider.max = String(this.times.length - 1);
    this.slider.value = this.slider.max;
    this.slider.disabled = false;
    this.showTime();
  }

  /** Forgets the frames, the KPIs and the status line (a new run, or Clear). */
  resetFrames(): void {
    this.times = [];
    this.clear.disabled = true;
    this.kpis.replaceChildren();
    this.progress.value = 0;
    this.status.textContent = '';
    this.slider.max = '0';
    this.slider.disabled = true;
    this.time.textContent = '–';
  }

  showKpis(k: FloodKpis): void {
    const rows: Array<[string, string]> = [
      ['Water in (rain + river)', `${fmt(k.volumeInM3)} m³`], ['Water out (drains + edges)', `${fmt(k.volumeOutM3)} m³`],
      ['Max depth', `${fmt(k.maxDepthM, 2)} m`],
      [`Flooded area (> ${k.floodedAreaThresholdM} m)`, `${fmt(k.floodedAreaM2)} m²`],
      ['Buildings flooded', fmt(k.buildingsFlooded)], ['People affected', `${fmt(k.peopleAffected)} persons`],
    ];
    this.kpis.replaceChildren(...rows.flatMap(([a, b]) => { const dt = el2('dt', a), dd = el2('dd', b); return [dt, dd]; }));
  }

  private showTime(): void {
    const t = this.times[Number(this.slider.value)] ?? 0;
    this.time.textContent = `${Math.floor(t / 60)} min`;
  }

  dispose(): void { this.element.remove(); }
}

function el2(tag: 'dt' | 'dd', text: string): HTMLElement {
  const e = document.createElement(tag);
  e.textContent = text;
  return e;
}
