/** Properties of a picked building, with units, in a panel the keyboard can close (Escape). */
export type BuildingProperties = Record<string, string | number | undefined>;

const FIELDS: Array<[key: string, label: string, unit: string]> = [
  ['id', 'Building', ''], ['use', 'Use', ''], ['height', 'Height', 'm'], ['floors', 'Floors', ''],
  ['population', 'People present', 'persons'], ['address', 'Address', ''], ['addressPinyin', 'Address (pinyin)', ''],
  ['addressId', 'Standard address id', ''], ['districtId', 'District', ''], ['streetId', 'Street', ''],
  ['communityId', 'Community', ''], ['gridId', 'Grid cell', ''],
];

export class BuildingPanel {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private readonly onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') this.show(null); };

  constructor(parent: HTMLElement) {
    this.element = document.createElement('section');
    this.element.className = 'building-panel panel';
    this.element.id = 'building-panel';
    this.element.setAttribute('aria-live', 'polite');
    this.element.hidden = true;
    const head = document.createElement('header');
    const title = document.createElement('h2');
    title.textContent = 'Building';
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', 'Close building panel');
    close.addEventListener('click', () => this.show(null));
    head.append(title, close);
    this.body = document.createElement('dl');
    this.element.append(head, this.body);
    parent.appendChild(this.element);
    window.addEventListener('keydown', this.onKey);
  }

  /** Shows a building's properties, or hides the panel for null. */
  show(props: BuildingProperties | null): void {
    this.element.hidden = props === null;
    this.body.replaceChildren();
    if (!props) return;
    for (const [key, label, unit] of FIELDS) {
      const v = props[key];
      if (v === undefined || v === '') continue;
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.dataset.field = key;
      dd.textContent = typeof v === 'number' ? `${Number.isInteger(v) ? v : v.toFixed(1)}${unit ? ` ${unit}` : ''}` : String(v);
      this.body.append(dt, dd);
    }
  }

  dispose(): void {
    window.removeEventListener('keydown', this.onKey);
    this.element.remove();
  }
}
