import { button, el, resultLine, row, setPressed } from './controls';
import { LineChart } from './LineChart';

/** What is measured. */
export type MeasureMode = 'distance' | 'area' | 'height' | 'profile';

/** What the measure panel asks for. */
export interface MeasurePanelActions {
  onMode(mode: MeasureMode): void;
  onArm(on: boolean): void;
  onCentre(): void;
  onUndo(): void;
  onFinish(): void;
  onClear(): void;
}

const MODES: Array<[MeasureMode, string, string]> = [
  ['distance', 'Distance', 'Along the ground and straight between points'], ['area', 'Area', 'A polygon on the ellipsoid'],
  ['height', 'Height', 'Ground, roof and height of a building, or between two points'], ['profile', 'Profile', 'Elevation profile along a line'],
];

/**
 * Measurement: the mode (distance, area, height, profile), a tool button (key M: click points
 * on the map), keyboard-friendly actions (add the point under the view centre, undo, finish,
 * clear), the results with units and the profile chart.
 */
export class MeasurePanel {
  readonly element: HTMLElement;
  readonly arm: HTMLButtonElement;
  readonly result = resultLine('an-result measure-result');
  readonly chart: LineChart;
  private readonly modeButtons: HTMLButtonElement[];
  private readonly list = el('dl', 'an-values');

  constructor(parent: HTMLElement, private readonly a: MeasurePanelActions) {
    this.element = el('section', 'panel an-panel measure-panel');
    this.element.setAttribute('aria-label', 'Measurement');
    const group = el('div', 'group');
    group.setAttribute('role', 'radiogroup');
    group.setAttribute('aria-label', 'What to measure');
    this.modeButtons = MODES.map(([mode, label, title]) => {
      const b = button(label, title, () => a.onMode(mode), true);
      b.dataset.mode = mode;
      return b;
    });
    group.append(...this.modeButtons);
    this.arm = button('Measure (M)', 'Click points on the map (key M); Finish ends a line or polygon', () => a.onArm(this.arm.getAttribute('aria-pressed') !== 'true'), true);
    this.element.append(row(group), row(this.arm, button('+ View centre', 'Add the point under the middle of the view (keyboard measuring)', () => a.onCentre())),
      row(button('Undo', 'Remove the last point', () => a.onUndo()), button('Finish', 'End the line or polygon', () => a.onFinish()), button('Clear', 'Remove the measurement', () => a.onClear())),
      this.result.element, this.list);
    this.chart = new LineChart(this.element, { xLabel: 'Distance (m)', yLabel: 'Height (m)', ariaLabel: 'Elevation profile' });
    parent.appendChild(this.element);
  }

  setMode(mode: MeasureMode): void {
    for (const b of this.modeButtons) setPressed(b, b.dataset.mode === mode);
  }

  setArmed(on: boolean): void { setPressed(this.arm, on); }

  /** Shows named values (each with its unit in the text); an empty list clears. */
  showValues(values: Array<[string, string]>): void {
    this.list.replaceChildren(...values.flatMap(([k, v]) => [el('dt', undefined, k), el('dd', undefined, v)]));
  }

  dispose(): void {
    this.chart.dispose();
    this.element.remove();
  }
}
