import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SensorInfo } from '../../signs/registry/SensorInfo';
import type { Series } from '../../signs/series/unitSeries';
import { SENSOR_KIND_SPECS, type SensorKind } from '../../signs/schema/sensorKinds';
import { SEVERITY_COLOURS } from './severityColours';

/** What the chart reads (SignsStore fits). */
export interface SeriesSource {
  sensor(id: string): SensorInfo | undefined;
  readonly units: { indexOf(id: string): number; readonly names: readonly string[] };
  sensorSeries(sensorId: string, fromMs: number, toMs?: number): Series;
  unitSeries(unitId: string, kind: SensorKind, fromMs: number, toMs?: number, bucketS?: number): Series;
  thresholdsFor(sensorId: string): Array<{ severity: string; value: number; title: string }>;
  readonly events: { subscribe(type: 'tick', listener: (e: { nowMs: number }) => void): () => void };
}

/** A picked sensor, or an indicator (kind) over a spatial unit. */
export type ChartTarget = { sensorId: string } | { unitId: string; kind: SensorKind };

export interface SeriesChartOptions {
  /** Time window ending now (s), default 3600. */
  windowS?: number;
  /** Bucket of unit series (s), default 60. */
  bucketS?: number;
  /** Least time between redraws (ms), default 2000. */
  refreshMs?: number;
  width?: number;
  height?: number;
  /** What an empty chart says (default 'No readings in the last hour'). */
  emptyText?: string;
}

/**
 * Time-series chart (uPlot) of the last hour of a sensor's readings, with its rules' thresholds as
 * dashed lines, or of a unit's indicator in buckets; the y axis names the unit. Redraws on the
 * store's ticks, at most every refreshMs.
 */
export class SeriesChart {
  readonly element: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly empty: HTMLElement;
  private plot: uPlot | null = null;
  private target: ChartTarget | null = null;
  private lastDrawMs = -Infinity;
  private readonly off: () => void;
  private readonly opts: Required<SeriesChartOptions>;

  constructor(parent: HTMLElement, private readonly source: SeriesSource, target: ChartTarget | null, options: SeriesChartOptions = {}) {
    this.opts = { windowS: 3600, bucketS: 60, refreshMs: 2000, width: 320, height: 180, emptyText: 'No readings in the last hour', ...options };
    const doc = parent.ownerDocument;
    this.element = doc.createElement('section');
    this.element.className = 'panel rc-chart';
    this.heading = doc.createElement('h3');
    this.empty = doc.createElement('p');
    this.empty.className = 'rc-empty';
    this.element.append(this.heading, this.empty);
    parent.appendChild(this.element);
    this.off = source.events.subscribe('tick', (e) => { if (e.nowMs - this.lastDrawMs >= this.opts.refreshMs) this.draw(e.nowMs); });
    this.setTarget(target);
  }

  /** Shows another sensor or unit (null hides the chart). */
  setTarget(target: ChartTarget | null, nowMs = Date.now()): void {
    this.target = target;
    this.plot?.destroy();
    this.plot = null;
    this.element.hidden = target === null;
    if (target) this.draw(nowMs);
  }

  private describe(t: ChartTarget): { title: string; kind: SensorKind; guides: Array<{ severity: string; value: number; title: string }> } {
    if ('sensorId' in t) {
      const s = this.source.sensor(t.sensorId);
      if (!s) throw new Error(`SeriesChart target.sensorId: expected a sensor id from the registry, got "${t.sensorId}"`);
      return { title: `${s.id} · ${s.label}`, kind: s.kind, guides: this.source.thresholdsFor(s.id) };
    }
    const u = this.source.units.indexOf(t.unitId);
    if (u < 0) throw new Error(`SeriesChart target.unitId: expected a spatial unit id, got "${t.unitId}"`);
    return { title: `${this.source.units.names[u]} · ${SENSOR_KIND_SPECS[t.kind].title}`, kind: t.kind, guides: [] };
  }

  /** Redraws with data up to nowMs. */
  draw(nowMs = Date.now()): void {
    const t = this.target;
    if (!t) return;
    this.lastDrawMs = nowMs;
    const d = this.describe(t), spec = SENSOR_KIND_SPECS[d.kind];
    const fromMs = nowMs - this.opts.windowS * 1000;
    const series = 'sensorId' in t ? this.source.sensorSeries(t.sensorId, fromMs, nowMs) : this.source.unitSeries(t.unitId, t.kind, fromMs, nowMs, this.opts.bucketS);
    this.heading.textContent = d.title;
    const n = series.timesMs.length;
    this.empty.textContent = n === 0 ? this.opts.emptyText : '';
    // The window's ends as empty points, so the x axis always spans the window and guides run across it.
    const xs = [fromMs / 1000, ...Array.from(series.timesMs, (ms) => ms / 1000), nowMs / 1000];
    const ys = [null, ...Array.from(series.values, (v) => (v === v ? v : null)), null];
    const data: uPlot.AlignedData = [xs, ys, ...d.guides.map((g) => xs.map(() => g.value))];
    if (this.plot && this.plot.series.length === data.length) { this.plot.setData(data); return; }
    this.plot?.destroy();
    this.plot = new uPlot({
      width: this.opts.width, height: this.opts.height,
      scales: { x: { time: true } },
      series: [
        {},
        { label: `${spec.title} (${spec.unitLabel})`, stroke: '#38bdf8', width: 1.5, spanGaps: false, points: { show: n < 60 } },
        ...d.guides.map((g) => ({ label: g.title, stroke: SEVERITY_COLOURS[g.severity] ?? '#aaa', dash: [6, 4], width: 1, points: { show: false } })),
      ],
      axes: [{ stroke: '#8b98a5' }, { label: spec.unitLabel, stroke: '#8b98a5', size: 56 }],
    }, data, this.element);
  }

  /** Resizes the plot (CSS pixels). */
  resize(width: number, height: number): void {
    this.opts.width = width;
    this.opts.height = height;
    this.plot?.setSize({ width, height });
  }

  dispose(): void {
    this.off();
    this.plot?.destroy();
    this.plot = null;
    this.element.remove();
  }
}
