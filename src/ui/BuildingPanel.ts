/** Properties of a picked building, as the tiles' metadata gives them. */
export type BuildingProperties = Record<string, string | number | undefined>;

const FIELDS: Array<[key: string, label: string, unit: string]> = [
  ['id', 'Building', ''], ['use', 'Use', ''], ['height', 'Height', 'm'], ['floors', 'Floors', ''],
  ['population', 'People present', 'persons'], ['address', 'Address', ''], ['addressPinyin', 'Address (pinyin)', ''],
  ['addressId', 'Standard address id', ''], ['districtId', 'District', ''], ['streetId', 'Street', ''],
  ['communityId', 'Community', ''], ['gridId', 'Grid cell', ''],
];

/** A building's properties with units, as a definition list (shown in the detail drawer). */
export class BuildingPanel {
  readonly element: HTMLElement;
  private readonly body: HTMLDListElement;

  constructor(doc: Document = document) {
    this.element = doc.createElement('div');
    this.element.className = 'building-panel';
    this.element.id = 'building-panel';
    this.element.hidden = true;
    this.body = doc.createElement('dl');
    this.element.append(this.body);
  }

  /** Fills the list with a building's properties (empty for null). */
  show(props: BuildingProperties | null): void {
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
}
