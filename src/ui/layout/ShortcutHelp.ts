import type { ShortcutInfo } from '../../app/host/ShortcutRegistry';

/** The '?' dialog: every keyboard shortcut of the page, grouped by where it works. */
export class ShortcutHelp {
  readonly element: HTMLDialogElement;

  constructor(parent: HTMLElement, private readonly list: () => ShortcutInfo[]) {
    this.element = parent.ownerDocument.createElement('dialog');
    this.element.className = 'panel shortcut-help';
    this.element.id = 'shortcut-help';
    this.element.setAttribute('aria-label', 'Keyboard shortcuts');
    parent.appendChild(this.element);
  }

  get isOpen(): boolean { return this.element.open; }

  open(): void {
    const doc = this.element.ownerDocument;
    const h = doc.createElement('h2');
    h.textContent = 'Keyboard shortcuts';
    const table = doc.createElement('table');
    const scopes = new Map<string, ShortcutInfo[]>();
    for (const s of this.list()) scopes.set(s.scope, [...(scopes.get(s.scope) ?? []), s]);
    for (const [scope, items] of scopes) {
      const group = table.createTBody();
      const head = group.insertRow().insertCell();
      head.colSpan = 2;
      head.className = 'scope';
      head.textContent = scope === 'global' ? 'Anywhere (not while typing)' : `In the ${scope}`;
      for (const s of items) {
        const row = group.insertRow();
        const kbd = doc.createElement('kbd');
        kbd.textContent = s.key === ' ' ? 'Space' : s.key;
        row.insertCell().appendChild(kbd);
        row.insertCell().textContent = s.description;
      }
    }
    const close = doc.createElement('button');
    close.type = 'button';
    close.textContent = 'Close';
    close.addEventListener('click', () => this.close());
    this.element.replaceChildren(h, table, close);
    this.element.showModal();
    close.focus();
  }

  close(): void {
    if (this.element.open) this.element.close();
  }

  dispose(): void {
    this.element.remove();
  }
}
