/**
 * Where the result a user asked for appears: a drawer at the top of the side column (sticky, so
 * it stays in view however far the column is scrolled) showing one detail at a time — a picked
 * building, a sensor's chart, an incident. Opening moves the keyboard focus to its heading;
 * × (or Escape, through the host's shortcut) closes it.
 */
export class DetailDrawer {
  readonly element: HTMLElement;
  private readonly title: HTMLHeadingElement;
  private readonly body: HTMLElement;
  private current: { owner: string; content: HTMLElement; onClose?: () => void } | null = null;

  constructor(parent: HTMLElement) {
    const doc = parent.ownerDocument;
    this.element = doc.createElement('section');
    this.element.className = 'panel detail-drawer';
    this.element.id = 'details';
    this.element.setAttribute('aria-live', 'polite');
    this.element.hidden = true;
    const head = doc.createElement('header');
    this.title = doc.createElement('h2');
    this.title.tabIndex = -1;
    const close = doc.createElement('button');
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', 'Close details (Escape)');
    close.addEventListener('click', () => this.close());
    head.append(this.title, close);
    this.body = doc.createElement('div');
    this.body.className = 'detail-body';
    this.element.append(head, this.body);
    parent.prepend(this.element);
  }

  /** Who shows something now ('' when closed). */
  get owner(): string { return this.current?.owner ?? ''; }

  /** Shows `content` (kept in the drawer, hidden while another owner shows), titled, focused. */
  show(owner: string, title: string, content: HTMLElement, onClose?: () => void): void {
    if (this.current && this.current.content !== content) this.hideCurrent();
    if (content.parentElement !== this.body) this.body.appendChild(content);
    for (const c of this.body.children) (c as HTMLElement).hidden = c !== content;
    this.current = { owner, content, onClose };
    this.title.textContent = title;
    this.element.hidden = false;
    this.element.scrollIntoView({ block: 'nearest' });
    this.title.focus({ preventScroll: true });
  }

  /** Closes the drawer (only if `owner` shows, when given); true when it closed something. */
  close(owner?: string): boolean {
    if (!this.current || (owner !== undefined && this.current.owner !== owner)) return false;
    this.hideCurrent();
    this.element.hidden = true;
    return true;
  }

  private hideCurrent(): void {
    const c = this.current;
    this.current = null;
    if (!c) return;
    c.content.hidden = true;
    c.onClose?.();
  }

  dispose(): void {
    this.element.remove();
  }
}
