import { el, resultLine, row } from './controls';

/** What the sun panel sets: a local day and time of day (minutes) and whether shadows show. */
export interface SunSetting { date: string; minutes: number; shadows: boolean }

/** The days planners check (GB 50180 counts sunlight on 大寒 or 冬至). */
const PRESETS: Array<[monthDay: string, label: string]> = [['01-20', '大寒 Jan 20'], ['12-22', '冬至 Dec 22'], ['03-20', '春分 Mar 20'], ['06-21', '夏至 Jun 21']];
const STEP_MIN = 5;

/**
 * Sun and shadows: a date (with the standard days as presets), a time-of-day slider (arrow keys
 * 5 min, Page Up / Page Down one hour, Home / End midnight), a shadows switch and the sun's
 * position with units. Local time is the city's (UTC+08:00).
 */
export class SunPanel {
  readonly element: HTMLElement;
  readonly date: HTMLInputElement;
  readonly slider: HTMLInputElement;
  readonly shadows: HTMLInputElement;
  private readonly time: HTMLOutputElement;
  private readonly position = resultLine('an-result sun-position');

  constructor(parent: HTMLElement, initial: SunSetting, private readonly onChange: (s: SunSetting) => void) {
    this.element = el('section', 'panel an-panel sun-panel');
    this.element.setAttribute('aria-label', 'Sun and shadows');
    this.date = el('input');
    Object.assign(this.date, { type: 'date', name: 'sun-date', value: initial.date });
    this.date.setAttribute('aria-label', 'Day');
    const presets = el('select');
    presets.setAttribute('aria-label', 'Standard days');
    presets.append(new Option('Standard day…', ''), ...PRESETS.map(([md, label]) => new Option(label, md)));
    presets.addEventListener('change', () => {
      if (presets.value) this.date.value = `${this.date.value.slice(0, 4) || '2026'}-${presets.value}`;
      presets.value = '';
      this.changed();
    });
    this.slider = el('input');
    Object.assign(this.slider, { type: 'range', min: '0', max: String(1440 - STEP_MIN), step: String(STEP_MIN), value: String(initial.minutes), name: 'sun-time' });
    this.slider.setAttribute('aria-label', 'Time of day (UTC+08:00)');
    this.slider.addEventListener('keydown', (e) => this.onKey(e));
    this.time = el('output', 'sun-time');
    const shadowLabel = el('label', 'an-check');
    this.shadows = el('input');
    this.shadows.type = 'checkbox';
    this.shadows.checked = initial.shadows;
    shadowLabel.append(this.shadows, ' Shadows in the view');
    for (const i of [this.date, this.slider, this.shadows]) i.addEventListener('input', () => this.changed());
    this.element.append(row(this.date, presets), row(this.slider, this.time), shadowLabel, this.position.element);
    parent.appendChild(this.element);
    this.showTime();
  }

  get setting(): SunSetting {
    return { date: this.date.value, minutes: Number(this.slider.value), shadows: this.shadows.checked };
  }

  /** Shows the sun's position (degrees) for the setting. */
  showPosition(elevationDeg: number, azimuthDeg: number): void {
    const az = `azimuth ${azimuthDeg.toFixed(2)}° clockwise from north`;
    this.position.set(elevationDeg > -0.83
      ? `Sun at the city centre: elevation ${elevationDeg.toFixed(2)}° (apparent, with refraction), ${az}.`
      : `The sun is below the horizon (elevation ${elevationDeg.toFixed(2)}°, ${az}).`);
  }

  private onKey(e: KeyboardEvent): void {
    const step = e.key === 'PageUp' ? 60 : e.key === 'PageDown' ? -60 : 0;
    if (!step) return;
    e.preventDefault();
    this.slider.value = String(Math.min(1440 - STEP_MIN, Math.max(0, Number(this.slider.value) + step)));
    this.changed();
  }

  private changed(): void {
    if (!this.date.value) return;
    this.showTime();
    this.onChange(this.setting);
  }

  private showTime(): void {
    const m = Number(this.slider.value), text = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    this.time.textContent = `${text} (UTC+08:00)`;
    this.slider.setAttribute('aria-valuetext', `${text}, UTC+08:00`);
  }

  dispose(): void {
    this.element.remove();
  }
}
