import type { ColorScale } from '../view/overlay/ColorScale';

/**
 * The legends of every colouring shown: one box per key (a feature's colouring), newest on
 * top, each with its title and unit and one swatch per class. The box hides when empty.
 */
export class Legend {
  readonly element: HTMLElement;
  private readonly shown = new Map<string, ColorScale>();

  constructor(parent: HTMLElement) {
    this.element = parent.ownerDocument.createElement('section');
    this.element.className = 'legend panel';
    this.element.setAttribute('aria-label', 'Legend');
    this.element.hidden = true;
    parent.appendChild(this.element);
  }

  /** Shows (or with null removes) the legend of one colouring. */
  show(key: string, scale: ColorScale | null): void {
    this.shown.delete(key);
    if (scale) this.shown.set(key, scale);
    this.render();
  }

  /** The scale shown under a key, or null. */
  scaleOf(key: string): ColorScale | null {
    return this.shown.get(key) ?? null;
  }

  private render(): void {
    const doc = this.element.ownerDocument;
    this.element.replaceChildren();
    this.element.hidden = this.shown.size === 0;
    for (const [key, scale] of [...this.shown].reverse()) {
      const box = doc.createElement('div');
      box.className = 'legend-entry';
      box.dataset.legend = key;
      const h = doc.createElement('h3');
      h.textContent = scale.unit ? `${scale.title} (${scale.unit})` : scale.title;
      const list = doc.createElement('ul');
      for (const c of scale.classes) {
        const li = doc.createElement('li');
        const sw = doc.createElement('span');
        sw.className = 'swatch';
        sw.style.background = c.color;
        li.append(sw, doc.createTextNode(c.label));
        list.appendChild(li);
      }
      box.append(h, list);
      this.element.appendChild(box);
    }
  }

  dispose(): void {
    this.element.remove();
  }
}
