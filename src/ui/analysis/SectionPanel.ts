import { button, el, numberField, resultLine, row, setPressed } from './controls';

export type SectionTool = 'line' | 'building';

/** What the section panel asks for. */
export interface SectionPanelActions {
  onArm(tool: SectionTool | null): void;
  onFlip(): void;
  onHorizontal(): void;
  onClear(): void;
}

/**
 * Sections: vertical along a line (key X: click two points; Flip keeps the other side),
 * horizontal at a height above the ground in the middle of the view, and one building's floors
 * above N hidden (pick the building).
 */
export class SectionPanel {
  readonly element: HTMLElement;
  readonly height = numberField('Cut at', 'm above the ground', { value: 20, min: 0, max: 600, step: 1, name: 'section-height' });
  readonly floor = numberField('Hide above floor', '', { value: 3, min: 1, max: 200, step: 1, name: 'section-floor' });
  readonly result = resultLine();
  private readonly buttons: Record<SectionTool, HTMLButtonElement>;

  constructor(parent: HTMLElement, a: SectionPanelActions) {
    this.element = el('section', 'panel an-panel section-panel');
    this.element.setAttribute('aria-label', 'Section');
    const toggle = (t: SectionTool) => () => a.onArm(this.buttons[t].getAttribute('aria-pressed') === 'true' ? null : t);
    this.buttons = {
      line: button('Vertical (X)', 'Click two points: the section runs along them (key X)', toggle('line'), true),
      building: button('Pick building', 'Click a building: its floors above the number are hidden', toggle('building'), true),
    };
    this.element.append(
      row(this.buttons.line, button('Flip side', 'Keep the other side of the vertical section', () => a.onFlip())),
      row(this.height.row, button('Cut', 'Horizontal section at this height over the ground in the middle of the view', () => a.onHorizontal())),
      row(this.floor.row, this.buttons.building),
      row(button('Clear section', 'Show everything again', () => a.onClear())), this.result.element,
    );
    parent.appendChild(this.element);
  }

  setArmed(tool: SectionTool | null): void {
    for (const [t, b] of Object.entries(this.buttons)) setPressed(b, t === tool);
  }

  dispose(): void { this.element.remove(); }
}
