import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** One line of a chart: its label (with the unit) and colour. */
export interface ChartSeries { label: string; color: string; dash?: number[] }

/**
 * A small line chart (uPlot) for the analysis panels: an elevation profile (m over m), a skyline
 * (degrees over azimuth), with labelled axes (units included) and a legend. `show(null)` empties it.
 */
export class LineChart {
  readonly element: HTMLElement;
  private plot: uPlot | null = null;

  constructor(parent: HTMLElement, private readonly o: { xLabel: string; yLabel: string; width?: number; height?: number; ariaLabel: string }) {
    this.element = document.createElement('figure');
    this.element.className = 'an-chart';
    this.element.setAttribute('aria-label', o.ariaLabel);
    this.element.hidden = true;
    parent.appendChild(this.element);
  }

  /** Draws `ys` (one array per series, NaN = gap) over `xs`. */
  show(data: { xs: ArrayLike<number>; ys: Array<ArrayLike<number>>; series: ChartSeries[] } | null): void {
    this.plot?.destroy();
    this.plot = null;
    this.element.hidden = !data;
    if (!data) return;
    this.plot = new uPlot({
      width: this.o.width ?? 300, height: this.o.height ?? 150,
      scales: { x: { time: false } },
      series: [{ label: this.o.xLabel }, ...data.series.map((s) => ({ label: s.label, stroke: s.color, width: 1.5, dash: s.dash, points: { show: false } }))],
      axes: [{ stroke: '#8b98a5', label: this.o.xLabel, size: 36 }, { stroke: '#8b98a5', label: this.o.yLabel, size: 52 }],
      legend: { show: true },
    }, [Array.from(data.xs), ...data.ys.map((y) => Array.from(y, (v) => (Number.isFinite(v) ? v : null)))] as uPlot.AlignedData, this.element);
  }

  dispose(): void {
    this.plot?.destroy();
    this.element.remove();
  }
}
