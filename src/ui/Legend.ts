import type { ColorScale } from '../view/overlay/ColorScale';

/** A legend box for one colour scale: title with unit, one swatch per class. */
export class Legend {
  readonly element: HTMLElement;
  /** The scale shown now, or null when hidden. */
  scale: ColorScale | null = null;

  constructor(parent: HTMLElement) {
    this.element = document.createElement('section');
    this.element.className = 'legend panel';
    this.element.setAttribute('aria-label', 'Legend');
    parent.appendChild(this.element);
  }

  show(scale: ColorScale | null): void {
    this.scale = scale;
    this.element.replaceChildren();
    this.element.hidden = scale === null;
    if (!scale) return;
    const h = document.createElement('h3');
    h.textContent = scale.unit ? `${scale.title} (${scale.unit})` : scale.title;
    const list = document.createElement('ul');
    for (const c of scale.classes) {
      const li = document.createElement('li');
      const sw = document.createElement('span');
      sw.className = 'swatch';
      sw.style.background = c.color;
      li.append(sw, document.createTextNode(c.label));
      list.appendChild(li);
    }
    this.element.append(h, list);
  }

  dispose(): void {
    this.element.remove();
  }
}
