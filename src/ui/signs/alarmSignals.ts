import type { Alert } from '../../signs/alerts/Alert';
import { SEVERITY_COLOURS } from './severityColours';

/** Beep pitch and count per severity: more urgent, higher and more often. */
const TONES: Record<string, [number, number]> = { blue: [520, 1], yellow: [660, 1], orange: [780, 2], red: [880, 3] };

/**
 * A sound hook for the wall (AlertList onRaised): short sine beeps made with Web Audio, so no
 * sound file is fetched. Browsers allow audio only after a user gesture; until then the beeps are
 * skipped silently, and `blocked` says so. dispose() closes the audio context.
 */
export function createAlarmSound(minSeverity: Alert['severity'] = 'orange'): { play(alert: Alert): void; readonly blocked: boolean; dispose(): void } {
  const order = ['blue', 'yellow', 'orange', 'red'];
  let ctx: AudioContext | null = null;
  return {
    play(alert) {
      if (order.indexOf(alert.severity) < order.indexOf(minSeverity)) return;
      ctx ??= new AudioContext();
      if (ctx.state !== 'running') { void ctx.resume(); return; }
      const [hz, n] = TONES[alert.severity];
      for (let i = 0; i < n; i++) {
        const osc = ctx.createOscillator(), gain = ctx.createGain(), t = ctx.currentTime + i * 0.25;
        osc.frequency.value = hz;
        gain.gain.setValueAtTime(0.0001, t);
        gain.gain.exponentialRampToValueAtTime(0.3, t + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.18);
        osc.connect(gain).connect(ctx.destination);
        osc.start(t);
        osc.stop(t + 0.2);
      }
    },
    get blocked() { return ctx !== null && ctx.state !== 'running'; },
    dispose() { void ctx?.close(); ctx = null; },
  };
}

/** Flashes an element's frame (e.g. the wall's root) in the alert's severity colour. */
export function flashFrame(element: HTMLElement, alert: Alert): void {
  element.style.setProperty('--rc-sev', SEVERITY_COLOURS[alert.severity]);
  element.classList.remove('rc-wall-flash');
  void element.offsetWidth; // restart the animation
  element.classList.add('rc-wall-flash');
  element.addEventListener('animationend', () => element.classList.remove('rc-wall-flash'), { once: true });
}
