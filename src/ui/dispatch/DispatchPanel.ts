/** One unit on its way, as the panel lists it. */
export interface DispatchRow {
  unitId: string;
  kind: string;
  station: string;
  etaS: number;
}

/** Incident types an operator can raise, with what each needs on scene. */
export const INCIDENT_TYPES: Record<string, { label: string; requirements: Record<string, number> }> = {
  fire: { label: 'Building fire (2 engines + 1 ambulance)', requirements: { fire_engine: 2, ambulance: 1 } },
  medical: { label: 'Medical emergency (1 ambulance)', requirements: { ambulance: 1 } },
  collision: { label: 'Traffic collision (1 police car + 1 ambulance)', requirements: { police_car: 1, ambulance: 1 } },
};

export interface DispatchPanelOptions {
  onArm(armed: boolean): void;
  onClear(): void;
  onCoverage(on: boolean): void;
}

const mmss = (s: number) => (Number.isFinite(s) ? `${Math.floor(s / 60)} min ${String(Math.round(s % 60)).padStart(2, '0')} s` : 'unreachable');
const KIND_LABEL: Record<string, string> = { fire_engine: 'Fire engine', ambulance: 'Ambulance', police_car: 'Police car' };

/**
 * Resource dispatch panel: choose an incident type, arm "raise incident" (button, or the page's I shortcut) and
 * click the map; assigned units are listed with their ETAs. Also toggles the coverage layer.
 */
export class DispatchPanel {
  readonly element: HTMLElement;
  readonly type: HTMLSelectElement;
  private readonly arm: HTMLButtonElement;
  private readonly status: HTMLElement;
  private readonly list: HTMLOListElement;
  /** The coverage layer's checkbox (checked while coverage colours the buildings). */
  readonly coverage: HTMLInputElement;
  private armed = false;

  constructor(parent: HTMLElement, private readonly opts: DispatchPanelOptions) {
    this.element = document.createElement('section');
    this.element.className = 'panel dispatch-panel';
    this.element.setAttribute('aria-label', 'Resource dispatch');
    const h = document.createElement('h2');
    h.textContent = 'Dispatch';
    this.type = document.createElement('select');
    this.type.setAttribute('aria-label', 'Incident type');
    for (const [value, t] of Object.entries(INCIDENT_TYPES)) this.type.add(new Option(t.label, value));
    this.arm = button('Raise incident (I), then click the map', () => this.setArmed(!this.armed));
    this.arm.className = 'dispatch-arm';
    this.arm.setAttribute('aria-pressed', 'false');
    const clear = button('Clear', () => { this.list.replaceChildren(); this.opts.onClear(); });
    const coverage = document.createElement('label');
    const box = (this.coverage = document.createElement('input'));
    box.type = 'checkbox';
    box.className = 'coverage-toggle';
    box.addEventListener('change', () => this.opts.onCoverage(box.checked));
    coverage.append(box, document.createTextNode(' Fire coverage layer (response time)'));
    this.status = document.createElement('p');
    this.status.className = 'dispatch-status';
    this.status.setAttribute('aria-live', 'polite');
    this.list = document.createElement('ol');
    this.list.className = 'dispatch-list';
    const row = document.createElement('div');
    row.className = 'dispatch-row';
    row.append(this.arm, clear);
    this.element.append(h, this.type, row, coverage, this.status, this.list);
    parent.appendChild(this.element);
  }

  get isArmed(): boolean { return this.armed; }

  setArmed(on: boolean): void {
    this.armed = on;
    this.arm.setAttribute('aria-pressed', String(on));
    this.opts.onArm(on);
  }

  setStatus(text: string): void { this.status.textContent = text; }

  /** Adds an incident with its assigned units (sorted by ETA) and what could not be filled. */
  addIncident(id: string, label: string, rows: DispatchRow[], unfilled: string[]): void {
    const li = document.createElement('li');
    li.dataset.incident = id;
    const title = document.createElement('strong');
    title.textContent = `${id} · ${label}`;
    const ul = document.createElement('ul');
    for (const r of [...rows].sort((a, b) => a.etaS - b.etaS)) {
      const item = document.createElement('li');
      item.dataset.unit = r.unitId;
      item.textContent = `${KIND_LABEL[r.kind] ?? r.kind} from ${r.station}: ETA ${mmss(r.etaS)}`;
      ul.append(item);
    }
    for (const u of unfilled) {
      const item = document.createElement('li');
      item.className = 'unfilled';
      item.textContent = `Not filled: ${u}`;
      ul.append(item);
    }
    li.append(title, ul);
    this.list.prepend(li);
  }

  dispose(): void {
    this.element.remove();
  }
}

function button(text: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}
