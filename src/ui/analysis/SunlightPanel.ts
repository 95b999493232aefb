import { SUNLIGHT_STANDARDS } from '../../analysis/sunlight/sunlightStandard';
import { button, el, numberField, progressLine, resultLine, row, setPressed } from './controls';

/** What the sunlight panel asks for. */
export interface SunlightPanelActions {
  onPick(armed: boolean): void;
  onUseSelection(): void;
  onClear(): void;
  onRemove(buildingId: string): void;
  onRun(): void;
  onCancel(): void;
  onCsv(what: 'floors' | 'samples'): void;
}

/** The request the panel holds. */
export interface SunlightInputs { date: string; standard: string; spacingM: number; stepMin: number }

/** A row of the table of residential floors below the standard. */
export interface BelowRow { buildingId: string; floors: number[]; worstMinutes: number }

/**
 * Sunlight hours (日照) for chosen buildings: the day and standard (GB 50180), sample spacing
 * and sun step, the chosen buildings (picked on the map, key U, or the drill-down's selection),
 * run with progress and cancel, then a summary, the table of residential floors below the
 * standard and CSV downloads.
 */
export class SunlightPanel {
  readonly element: HTMLElement;
  readonly pick: HTMLButtonElement;
  readonly run: HTMLButtonElement;
  private readonly date: HTMLInputElement;
  private readonly standard: HTMLSelectElement;
  private readonly spacing = numberField('Sample every', 'm', { value: 3, min: 0.5, max: 20, step: 0.5, name: 'sun-spacing' });
  private readonly step = numberField('Sun step', 'min', { value: 1, min: 1, max: 10, step: 1, name: 'sun-step' });
  private readonly chips = el('ul', 'an-chips');
  private readonly cancel: HTMLButtonElement;
  readonly progress = progressLine();
  readonly status = resultLine();
  private readonly table = el('div', 'an-table');
  private readonly csv: HTMLElement;

  constructor(parent: HTMLElement, initial: SunlightInputs, private readonly a: SunlightPanelActions) {
    this.element = el('section', 'panel an-panel sunlight-panel');
    this.element.setAttribute('aria-label', 'Sunlight hours');
    this.date = el('input');
    Object.assign(this.date, { type: 'date', name: 'sunlight-date', value: initial.date });
    this.date.setAttribute('aria-label', 'Day studied');
    this.standard = el('select');
    this.standard.setAttribute('aria-label', 'Sunlight standard');
    this.standard.append(...Object.values(SUNLIGHT_STANDARDS).map((s) => new Option(s.label, s.id)));
    this.standard.value = initial.standard;
    this.standard.addEventListener('change', () => { this.date.value = `${this.date.value.slice(0, 4) || '2026'}-${SUNLIGHT_STANDARDS[this.standard.value].monthDay}`; });
    this.pick = button('Pick buildings (U)', 'Click buildings on the map to add or remove them (key U)', () => a.onPick(this.pick.getAttribute('aria-pressed') !== 'true'), true);
    this.run = button('Count sunlight', 'Count the minutes of sun of every sample in the analysis workers', () => a.onRun());
    this.cancel = button('Cancel', 'Stop the count', () => a.onCancel());
    this.cancel.hidden = true;
    this.csv = row(button('Floors CSV', 'Every floor: best and mean minutes of sun', () => a.onCsv('floors')), button('Samples CSV', 'Every sample point: position and minutes of sun', () => a.onCsv('samples')));
    this.csv.hidden = true;
    this.chips.setAttribute('aria-label', 'Buildings studied');
    this.element.append(row(this.date), row(this.standard), row(this.spacing.row, this.step.row), this.chips,
      row(this.pick, button('Use selection', 'Study the buildings of the unit selected in the drill-down', () => a.onUseSelection()), button('Clear', 'Forget the buildings and the result', () => a.onClear())),
      row(this.run, this.cancel), this.progress.element, this.status.element, this.table, this.csv);
    parent.appendChild(this.element);
  }

  get inputs(): SunlightInputs {
    return { date: this.date.value, standard: this.standard.value, spacingM: this.spacing.read(), stepMin: this.step.read() };
  }

  setInputs(i: Partial<SunlightInputs>): void {
    if (i.date) this.date.value = i.date;
    if (i.standard) this.standard.value = i.standard;
  }

  setArmed(on: boolean): void { setPressed(this.pick, on); }

  setRunning(on: boolean): void {
    this.run.disabled = on;
    this.cancel.hidden = !on;
  }

  /** Lists the chosen buildings, each with a remove button. */
  setBuildings(ids: readonly string[]): void {
    this.chips.replaceChildren(...ids.map((id) => {
      const li = el('li');
      li.append(button(`${id} ×`, `Remove ${id}`, () => this.a.onRemove(id)));
      return li;
    }));
    if (!ids.length) this.chips.append(el('li', 'muted', 'No buildings chosen: pick them on the map (U) or use the selection.'));
  }

  /** Shows the residential floors below the standard (or clears with null). */
  showBelow(rows: readonly BelowRow[] | null, requiredMin: number): void {
    this.csv.hidden = rows === null;
    this.table.replaceChildren();
    if (!rows) return;
    if (!rows.length) { this.table.append(el('p', 'muted', `Every residential floor studied gets at least ${requiredMin} min of sun.`)); return; }
    const t = el('table');
    t.createCaption().textContent = `Residential floors below ${requiredMin} min of sun`;
    const head = t.createTHead().insertRow();
    for (const h of ['Building', 'Floors below', 'Worst floor (min)']) head.append(Object.assign(el('th', undefined, h), { scope: 'col' }));
    const body = t.createTBody();
    for (const r of rows) {
      const tr = body.insertRow();
      tr.append(Object.assign(el('th', undefined, r.buildingId), { scope: 'row' }), el('td', undefined, compactFloors(r.floors)), el('td', undefined, String(Math.round(r.worstMinutes))));
    }
    this.table.append(t);
  }

  dispose(): void { this.element.remove(); }
}

/** 1,2,3,5 -> '1–3, 5'. */
export function compactFloors(floors: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < floors.length; i++) {
    let j = i;
    while (j + 1 < floors.length && floors[j + 1] === floors[j] + 1) j++;
    out.push(j > i ? `${floors[i]}–${floors[j]}` : String(floors[i]));
    i = j;
  }
  return out.join(', ');
}
