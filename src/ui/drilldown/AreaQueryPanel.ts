import type { AreaQueryResult } from '../../twin/queryArea';
import { areaSummaryCsv, areaSummaryTable } from '../../twin/areaSummary';

export interface AreaQueryOptions {
  /** Arm/disarm "click the map to place the circle". */
  onArm(armed: boolean): void;
}

const HEAD: Record<string, string> = {
  unitId: 'Unit', level: 'Level', name: 'Name', buildings: 'Buildings', people: 'People', households: 'Households',
  companies: 'Companies', events: '12345 cases', devices: 'Devices', sensors: 'Sensors', coveragePct: 'Covered (%)',
};

/**
 * Circle query: radius (m), arm with the button (the page's Q shortcut calls setArmed), click the map; shows what lies inside
 * per community with a total row, and offers the table as CSV (UTF-8 with BOM for spreadsheets).
 */
export class AreaQueryPanel {
  readonly element: HTMLElement;
  readonly radius: HTMLInputElement;
  private readonly arm: HTMLButtonElement;
  private readonly output: HTMLElement;
  private armed = false;
  private previousUrl: string | null = null;

  constructor(parent: HTMLElement, private readonly opts: AreaQueryOptions) {
    this.element = document.createElement('section');
    this.element.className = 'panel area-query';
    this.element.setAttribute('aria-label', 'Area query');
    const h = document.createElement('h2');
    h.textContent = 'Area query';
    const label = document.createElement('label');
    this.radius = document.createElement('input');
    this.radius.type = 'number';
    this.radius.min = '50';
    this.radius.max = '5000';
    this.radius.step = '50';
    this.radius.value = '500';
    label.append('Circle radius (m) ', this.radius);
    this.arm = document.createElement('button');
    this.arm.type = 'button';
    this.arm.className = 'area-arm';
    this.arm.textContent = 'Query a circle (Q), then click the map';
    this.arm.setAttribute('aria-pressed', 'false');
    this.arm.addEventListener('click', () => this.setArmed(!this.armed));
    this.output = document.createElement('div');
    this.output.className = 'area-output';
    this.output.setAttribute('aria-live', 'polite');
    this.element.append(h, label, this.arm, this.output);
    parent.appendChild(this.element);
  }

  get isArmed(): boolean { return this.armed; }

  /** Radius in meters, clamped to the input's range. */
  get radiusM(): number { return Math.min(5000, Math.max(50, Number(this.radius.value) || 500)); }

  setArmed(on: boolean): void {
    this.armed = on;
    this.arm.setAttribute('aria-pressed', String(on));
    this.opts.onArm(on);
  }

  show(result: AreaQueryResult): void {
    const table = areaSummaryTable(result, 'community');
    const t = document.createElement('table');
    const head = t.createTHead().insertRow();
    for (const c of table.columns.filter((c) => c !== 'level')) head.insertCell().textContent = HEAD[c] ?? c;
    const body = t.createTBody();
    for (const row of table.rows) {
      const tr = body.insertRow();
      if (row.unitId === 'TOTAL') tr.className = 'total';
      for (const c of table.columns.filter((c) => c !== 'level')) {
        const v = row[c];
        tr.insertCell().textContent = typeof v === 'number' ? v.toLocaleString('en') : String(v);
      }
    }
    const csv = new Blob([areaSummaryCsv(result, 'community', true)], { type: 'text/csv;charset=utf-8' });
    const link = document.createElement('a');
    link.className = 'area-csv';
    if (this.previousUrl) URL.revokeObjectURL(this.previousUrl);
    link.href = this.previousUrl = URL.createObjectURL(csv);
    link.download = 'area-query.csv';
    link.textContent = 'Download CSV';
    const summary = document.createElement('p');
    summary.textContent = `${(result.areaM2 / 1e6).toFixed(2)} km²: ${result.totals.buildings.toLocaleString('en')} buildings, ` +
      `${result.totals.people.toLocaleString('en')} people, ${result.totals.sensors} sensors.`;
    this.output.replaceChildren(summary, t, link);
  }

  dispose(): void {
    if (this.previousUrl) URL.revokeObjectURL(this.previousUrl);
    this.element.remove();
  }
}
