/**
 * Small building blocks of the analysis panels: labelled inputs with their unit, buttons that
 * arm a map tool (aria-pressed), a live result line and a progress bar. Plain DOM, no framework.
 */

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export { el };

/** A labelled number input with its unit after it; the value is clamped to [min, max] when read. */
export function numberField(label: string, unit: string, o: { value: number; min: number; max: number; step: number; name: string }): { row: HTMLElement; input: HTMLInputElement; read(): number } {
  const row = el('label', 'an-field');
  const input = el('input');
  Object.assign(input, { type: 'number', name: o.name, min: String(o.min), max: String(o.max), step: String(o.step), value: String(o.value) });
  row.append(`${label} `, input, unit ? ` ${unit}` : '');
  const read = () => {
    const v = Number(input.value);
    return Number.isFinite(v) ? Math.min(o.max, Math.max(o.min, v)) : o.value;
  };
  return { row, input, read };
}

/** A button; `toggle` makes it a two-state (aria-pressed) tool button. */
export function button(text: string, title: string, onClick: () => void, toggle = false): HTMLButtonElement {
  const b = el('button', 'an-button', text);
  b.type = 'button';
  b.title = title;
  if (toggle) b.setAttribute('aria-pressed', 'false');
  b.addEventListener('click', onClick);
  return b;
}

/** Sets a toggle button's pressed state. */
export function setPressed(b: HTMLButtonElement, on: boolean): void {
  b.setAttribute('aria-pressed', String(on));
}

/** A polite live region for a tool's result or state ('' hides it). */
export function resultLine(className = 'an-result'): { element: HTMLElement; set(text: string, error?: boolean): void } {
  const element = el('p', className);
  element.setAttribute('aria-live', 'polite');
  element.hidden = true;
  return {
    element,
    set(text, error = false) {
      element.textContent = text;
      element.hidden = text === '';
      element.toggleAttribute('data-error', error);
    },
  };
}

/** A progress bar with its text, hidden when idle (`fraction` null). */
export function progressLine(): { element: HTMLElement; set(fraction: number | null, text?: string): void } {
  const element = el('div', 'an-progress');
  const bar = el('progress');
  bar.max = 1;
  const text = el('span');
  element.append(bar, text);
  element.hidden = true;
  return {
    element,
    set(fraction, t = '') {
      element.hidden = fraction === null;
      if (fraction !== null) bar.value = fraction;
      text.textContent = t;
    },
  };
}

/** A row of controls. */
export function row(...children: Array<HTMLElement | string>): HTMLElement {
  const r = el('div', 'an-row');
  r.append(...children);
  return r;
}

/** A sub-heading inside a section. */
export function heading(text: string): HTMLElement {
  return el('h4', 'an-heading', text);
}
