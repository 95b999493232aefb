import type { LimitExcess } from '../../analysis/limits/heightLimitCheck';
import { button, el, heading, numberField, progressLine, resultLine, row, setPressed } from './controls';
import { LineChart } from './LineChart';

export type LimitMode = 'ground' | 'absolute' | 'file';

/** What the limits panel asks for. */
export interface LimitsPanelActions {
  onCheck(): void;
  onFile(file: File): void;
  onClearLimit(): void;
  onCsv(): void;
  onPickViewpoint(on: boolean): void;
  onSkyline(): void;
}

/** Rows shown in the table (the CSV has them all). */
const SHOWN = 20;

/**
 * Height limits (控高: flat over the ground, flat absolute, or zones from a GeoJSON file with a
 * `maxHeightM` per feature) with the buildings above listed; the skyline from a viewpoint before
 * and after a scenario variant's massing, as a chart.
 */
export class LimitsPanel {
  readonly element: HTMLElement;
  readonly mode: HTMLSelectElement;
  readonly height = numberField('Limit', 'm', { value: 60, min: 0, max: 2000, step: 1, name: 'limit-height' });
  readonly file: HTMLInputElement;
  readonly limitResult = resultLine();
  readonly eye = numberField('Eye', 'm', { value: 1.6, min: 0, max: 500, step: 0.1, name: 'skyline-eye' });
  readonly after: HTMLSelectElement;
  readonly pick: HTMLButtonElement;
  readonly skylineResult = resultLine();
  readonly progress = progressLine();
  readonly chart: LineChart;
  private readonly table = el('div', 'an-table');
  private readonly csv: HTMLButtonElement;

  constructor(parent: HTMLElement, variants: Array<[value: string, label: string]>, a: LimitsPanelActions) {
    this.element = el('section', 'panel an-panel limits-panel');
    this.element.setAttribute('aria-label', 'Height limits and skyline');
    this.mode = el('select');
    this.mode.setAttribute('aria-label', 'Height limit');
    this.mode.append(new Option('Flat, above the ground', 'ground'), new Option('Flat, absolute height (ellipsoidal)', 'absolute'), new Option('Zones from a GeoJSON file', 'file'));
    this.file = el('input');
    Object.assign(this.file, { type: 'file', accept: '.geojson,.json,application/geo+json,application/json' });
    this.file.setAttribute('aria-label', 'Height-limit zones (GeoJSON polygons with maxHeightM)');
    this.file.addEventListener('change', () => { const f = this.file.files?.[0]; if (f) a.onFile(f); });
    const showInputs = () => { this.height.row.hidden = this.mode.value === 'file'; this.file.hidden = this.mode.value !== 'file'; };
    this.mode.addEventListener('change', showInputs);
    this.csv = button('CSV', 'Every building above the limit', () => a.onCsv());
    this.csv.hidden = true;
    this.after = el('select');
    this.after.setAttribute('aria-label', 'After: a scenario variant\'s massing');
    this.after.append(...variants.map(([v, l]) => new Option(l, v)));
    this.pick = button('Pick viewpoint', 'Click the viewpoint on the map', () => a.onPickViewpoint(this.pick.getAttribute('aria-pressed') !== 'true'), true);
    this.chart = new LineChart(this.element, { xLabel: 'Azimuth (° from north)', yLabel: 'Elevation (°)', ariaLabel: 'Skyline before and after' });
    this.element.append(heading('Height limit'), row(this.mode), row(this.height.row, this.file),
      row(button('Check limit (K)', 'Find the buildings above the limit (key K)', () => a.onCheck()), button('Clear', 'Remove the limit check', () => a.onClearLimit()), this.csv),
      this.limitResult.element, this.table, heading('Skyline'), row(this.pick, this.eye.row), row(this.after), row(button('Compare skyline', 'Skyline before and after the variant, from the viewpoint', () => a.onSkyline())),
      this.progress.element, this.skylineResult.element, this.chart.element);
    showInputs();
    parent.appendChild(this.element);
  }

  get limitMode(): LimitMode { return this.mode.value as LimitMode; }

  setPicking(on: boolean): void { setPressed(this.pick, on); }

  /** Lists the buildings above the limit, tallest excess first (null clears). */
  showExcess(rows: readonly LimitExcess[] | null): void {
    this.csv.hidden = !rows?.length;
    this.table.replaceChildren();
    if (!rows?.length) return;
    const t = el('table');
    t.createCaption().textContent = rows.length > SHOWN ? `The ${SHOWN} largest excesses of ${rows.length}` : `${rows.length} buildings above the limit`;
    const head = t.createTHead().insertRow();
    for (const h of ['Building', 'Roof (m)', 'Limit (m)', 'Above (m)', 'Floors above']) head.append(Object.assign(el('th', undefined, h), { scope: 'col' }));
    const body = t.createTBody();
    for (const r of rows.slice(0, SHOWN)) {
      const tr = body.insertRow();
      tr.append(Object.assign(el('th', undefined, r.buildingId), { scope: 'row' }), ...[r.roofM.toFixed(1), r.limitM.toFixed(1), r.excessM.toFixed(1), String(r.floorsAbove)].map((v) => el('td', undefined, v)));
    }
    this.table.append(t);
  }

  dispose(): void {
    this.chart.dispose();
    this.element.remove();
  }
}
