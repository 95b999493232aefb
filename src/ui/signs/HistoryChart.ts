import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { HistoryRange, HistorySeries } from '../../hub/store/HubHistory';

const RANGES: Array<{ range: HistoryRange; label: string; bucket: string }> = [
  { range: '1h', label: '1 h', bucket: '10 s' },
  { range: '24h', label: '24 h', bucket: '5 min' },
  { range: '7d', label: '7 d', bucket: '30 min' },
];

export interface HistoryChartOptions {
  /** Chart title ("W-0012 · Water level"). */
  title: string;
  /** The series' unit ("m", "µg/m³"): axis and legend. */
  unitLabel: string;
  /** Range shown first (default 24h). */
  range?: HistoryRange;
  width?: number;
  height?: number;
}

/**
 * A sensor's (or a unit indicator's) history from the hub's store: range buttons (1 h / 24 h /
 * 7 d, downsampled on the server), the bucket mean as a line between its minimum and maximum, the
 * unit on the axis, and a line saying what is shown (points, bucket, source) or why nothing is.
 * `load` asks the hub (HistoryClient); the chart keeps only the latest answer.
 */
export class HistoryChart {
  readonly element: HTMLElement;
  private readonly note: HTMLElement;
  private readonly buttons = new Map<HistoryRange, HTMLButtonElement>();
  private plot: uPlot | null = null;
  private asked = 0;
  private readonly opts: Required<Omit<HistoryChartOptions, 'range'>>;

  constructor(parent: HTMLElement, private readonly load: (range: HistoryRange) => Promise<HistorySeries>, options: HistoryChartOptions) {
    this.opts = { width: 320, height: 160, ...options };
    const doc = parent.ownerDocument;
    this.element = doc.createElement('section');
    this.element.className = 'panel rc-chart rc-history';
    const h = doc.createElement('h3');
    h.textContent = `History · ${options.title}`;
    const bar = doc.createElement('div');
    bar.className = 'rc-history-ranges';
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', 'History range');
    for (const r of RANGES) {
      const b = doc.createElement('button');
      b.type = 'button';
      b.textContent = r.label;
      b.title = `The last ${r.label} from the hub's store, in ${r.bucket} buckets`;
      b.addEventListener('click', () => void this.show(r.range));
      this.buttons.set(r.range, b);
      bar.append(b);
    }
    this.note = doc.createElement('p');
    this.note.className = 'rc-empty';
    this.note.setAttribute('aria-live', 'polite');
    this.element.append(h, bar, this.note);
    parent.appendChild(this.element);
    void this.show(options.range ?? '24h');
  }

  /** Loads and draws a range; resolves once drawn (or the error is shown). */
  async show(range: HistoryRange): Promise<void> {
    const ask = ++this.asked;
    for (const [r, b] of this.buttons) b.setAttribute('aria-pressed', String(r === range));
    this.element.dataset.range = range;
    this.element.dataset.state = 'loading';
    this.note.textContent = `Loading the last ${RANGES.find((r) => r.range === range)!.label} from the hub…`;
    let s: HistorySeries;
    try {
      s = await this.load(range);
    } catch (err) {
      if (ask !== this.asked) return;
      this.element.dataset.state = 'error';
      this.note.textContent = `History unavailable: ${(err as Error).message}`;
      return;
    }
    if (ask !== this.asked) return;
    this.draw(range, s);
  }

  private draw(range: HistoryRange, s: HistorySeries): void {
    const n = s.points.length, label = RANGES.find((r) => r.range === range)!;
    const readings = s.points.reduce((a, p) => a + p[4], 0);
    this.element.dataset.points = String(n);
    this.element.dataset.firstMs = n ? String(s.points[0][0]) : '';
    this.element.dataset.state = 'drawn';
    this.note.textContent = n === 0
      ? `No readings stored in the last ${label.label}.`
      : `${n} buckets of ${label.bucket} (${readings.toLocaleString('en')} readings) from the hub's store; line: mean, faint: min and max.`;
    // The range's ends as empty points, so the x axis always spans the whole range.
    const xs = [s.fromMs / 1000, ...s.points.map((p) => p[0] / 1000), s.toMs / 1000];
    const col = (i: number) => [null, ...s.points.map((p) => p[i]), null];
    const data: uPlot.AlignedData = [xs, col(1), col(2), col(3)];
    this.plot?.destroy();
    const unit = this.opts.unitLabel;
    this.plot = new uPlot({
      width: this.opts.width, height: this.opts.height,
      scales: { x: { time: true } },
      series: [
        {},
        { label: `mean (${unit})`, stroke: '#38bdf8', width: 1.5, points: { show: n < 60 } },
        { label: `min (${unit})`, stroke: 'rgba(56,189,248,0.35)', width: 1, points: { show: false } },
        { label: `max (${unit})`, stroke: 'rgba(56,189,248,0.35)', width: 1, points: { show: false } },
      ],
      axes: [{ stroke: '#8b98a5' }, { label: unit, stroke: '#8b98a5', size: 56 }],
    }, data, this.element);
  }

  dispose(): void {
    this.asked++;
    this.plot?.destroy();
    this.plot = null;
    this.element.remove();
  }
}
