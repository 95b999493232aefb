import { button, el, heading, numberField, progressLine, resultLine, row, setPressed } from './controls';

export type SightTool = 'line' | 'viewshed';

/** What the sight panel asks for. */
export interface SightPanelActions {
  onArm(tool: SightTool | null): void;
  onClear(): void;
}

/**
 * Line of sight (key L: click the observer, then the target; heights above the surface there)
 * and viewshed (key V: click the observer; eye height, radius, cell size), with their results.
 */
export class SightPanel {
  readonly element: HTMLElement;
  readonly eye = numberField('Eye', 'm', { value: 1.6, min: 0, max: 300, step: 0.1, name: 'sight-eye' });
  readonly target = numberField('Target', 'm', { value: 1.6, min: 0, max: 300, step: 0.1, name: 'sight-target' });
  readonly vsEye = numberField('Eye', 'm', { value: 1.6, min: 0, max: 300, step: 0.1, name: 'viewshed-eye' });
  readonly radius = numberField('Radius', 'm', { value: 500, min: 50, max: 2000, step: 50, name: 'viewshed-radius' });
  readonly cell = numberField('Cell', 'm', { value: 5, min: 2, max: 50, step: 1, name: 'viewshed-cell' });
  readonly lineResult = resultLine();
  readonly viewshedResult = resultLine();
  readonly progress = progressLine();
  private readonly buttons: Record<SightTool, HTMLButtonElement>;

  constructor(parent: HTMLElement, private readonly a: SightPanelActions) {
    this.element = el('section', 'panel an-panel sight-panel');
    this.element.setAttribute('aria-label', 'Line of sight and viewshed');
    this.buttons = {
      line: button('Sight line (L)', 'Click the observer, then the target (key L)', () => this.toggle('line'), true),
      viewshed: button('Viewshed (V)', 'Click the observer (key V)', () => this.toggle('viewshed'), true),
    };
    this.element.append(
      heading('Line of sight'), row(this.eye.row, this.target.row), row(this.buttons.line), this.lineResult.element,
      heading('Viewshed'), row(this.vsEye.row, this.radius.row, this.cell.row), row(this.buttons.viewshed, button('Clear', 'Remove the sight line and the viewshed', () => a.onClear())),
      this.progress.element, this.viewshedResult.element,
    );
    parent.appendChild(this.element);
  }

  /** The armed tool's button pressed, the others not. */
  setArmed(tool: SightTool | null): void {
    for (const [t, b] of Object.entries(this.buttons)) setPressed(b, t === tool);
  }

  private toggle(tool: SightTool): void {
    this.a.onArm(this.buttons[tool].getAttribute('aria-pressed') === 'true' ? null : tool);
  }

  dispose(): void { this.element.remove(); }
}
