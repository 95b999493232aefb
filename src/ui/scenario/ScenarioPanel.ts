import type { Scenario } from '../../scenario/schema/Scenario';
import { KpiTableView } from './KpiTableView';

/** What the panel asks of its owner. */
export interface ScenarioPanelHandlers {
  onSelect(scenarioId: string, variant: string): void;
  onRun(): void;
  onCancel(): void;
  onCompare(on: boolean): void;
  onExport(what: 'csv' | 'geojson' | 'png' | 'link'): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...kids: Array<Node | string>): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...kids);
  return e;
}

/**
 * The what-if panel: pick a scenario and a variant, run the baseline and the variant (progress,
 * cancel), switch the split-screen compare, read the KPI table, export (CSV, GeoJSON, PNG, share
 * link). Plain DOM; every control is a labelled native element, so it works from the keyboard.
 */
export class ScenarioPanel {
  readonly element: HTMLElement;
  readonly scenarioSelect: HTMLSelectElement;
  readonly variantSelect: HTMLSelectElement;
  readonly compareBox: HTMLInputElement;
  readonly kpis: KpiTableView;
  private readonly desc: HTMLParagraphElement;
  private readonly runButton: HTMLButtonElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly progress: HTMLProgressElement;
  private readonly status: HTMLParagraphElement;
  private readonly exports: HTMLButtonElement[];

  constructor(parent: HTMLElement, private readonly scenarios: readonly Scenario[], h: ScenarioPanelHandlers) {
    this.scenarioSelect = el('select', { id: 'scenario-select' }, ...scenarios.map((s) => el('option', { value: s.id, textContent: s.title })));
    this.variantSelect = el('select', { id: 'variant-select' });
    this.compareBox = el('input', { type: 'checkbox', id: 'scenario-compare' });
    this.runButton = el('button', { type: 'button', id: 'scenario-run', textContent: 'Run' });
    this.cancelButton = el('button', { type: 'button', id: 'scenario-cancel', textContent: 'Cancel', disabled: true });
    this.progress = el('progress', { max: 1, value: 0 });
    this.progress.setAttribute('aria-label', 'Scenario run progress');
    this.status = el('p', { className: 'sc-status' });
    this.status.setAttribute('role', 'status');
    this.desc = el('p', { className: 'sc-desc' });
    const exp = (what: 'csv' | 'geojson' | 'png' | 'link', text: string) => {
      const b = el('button', { type: 'button', textContent: text, disabled: true });
      b.dataset.export = what;
      b.addEventListener('click', () => h.onExport(what));
      return b;
    };
    this.exports = [exp('csv', 'KPIs CSV'), exp('geojson', 'Layers GeoJSON'), exp('png', 'PNG'), exp('link', 'Copy link')];
    this.element = el('section', { className: 'panel scenario-panel', id: 'scenario-panel' },
      el('h2', { textContent: 'What-if scenarios' }),
      el('label', {}, 'Scenario', this.scenarioSelect),
      this.desc,
      el('label', {}, 'Variant', this.variantSelect),
      el('div', { className: 'sc-row' }, this.runButton, this.cancelButton, el('label', {}, this.compareBox, 'Split screen baseline | variant')),
      this.progress, this.status);
    this.element.setAttribute('aria-label', 'What-if scenarios');
    this.kpis = new KpiTableView(this.element);
    this.element.append(el('div', { className: 'sc-row' }, ...this.exports));
    parent.prepend(this.element);
    const select = () => h.onSelect(this.scenarioSelect.value, this.variantSelect.value);
    this.scenarioSelect.addEventListener('change', () => { this.fillVariants(this.scenarioSelect.value); select(); });
    this.variantSelect.addEventListener('change', select);
    this.runButton.addEventListener('click', () => h.onRun());
    this.cancelButton.addEventListener('click', () => h.onCancel());
    this.compareBox.addEventListener('change', () => h.onCompare(this.compareBox.checked));
  }

  /** Shows a scenario and variant as selected (without firing onSelect). */
  select(scenarioId: string, variant: string): void {
    this.scenarioSelect.value = scenarioId;
    this.fillVariants(scenarioId);
    this.variantSelect.value = variant;
  }

  private fillVariants(id: string): void {
    const s = this.scenarios.find((x) => x.id === id);
    this.desc.textContent = s?.description ?? '';
    this.variantSelect.replaceChildren(
      el('option', { value: 'baseline', textContent: 'Baseline only' }),
      ...(s?.variants ?? []).map((v) => el('option', { value: v.name, textContent: v.title })),
    );
    if (s && s.variants.length) this.variantSelect.value = s.variants[0].name;
  }

  /** Running state: progress 0..1 and a line of text; null progress when idle. */
  setBusy(fraction: number | null, text: string): void {
    const busy = fraction !== null;
    this.runButton.disabled = busy;
    this.cancelButton.disabled = !busy;
    this.progress.value = fraction ?? (this.progress.value >= 1 ? 1 : 0);
    this.setStatus(text);
  }

  setStatus(text: string, error = false): void {
    this.status.textContent = text;
    if (error) this.status.dataset.error = ''; else delete this.status.dataset.error;
  }

  setExportsEnabled(on: boolean): void {
    for (const b of this.exports) b.disabled = !on;
  }

  dispose(): void {
    this.kpis.dispose();
    this.element.remove();
  }
}
