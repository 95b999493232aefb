import type { Feature } from '../../host/Feature';
import type { FeatureHost } from '../../host/FeatureHost';

/** The commander's way to the wall: a section with a link that opens the wall display of this city. */
export class WallLinkFeature implements Feature {
  readonly name = 'wallLink';

  init(host: FeatureHost): void {
    const slot = host.slot('wallLink', 'Wall display');
    if (!slot) return;
    const params = new URLSearchParams({ view: 'wall', city: host.city.name });
    const a = document.createElement('a');
    a.className = 'wall-open';
    a.href = `?${params}`;
    a.target = 'rongcheng-wall';
    a.textContent = 'Open the wall display ↗';
    const note = document.createElement('p');
    note.className = 'muted';
    note.textContent = 'Opens in its own window: put it on the wall screen (F for fullscreen there). Add kiosk=1 to the address for a screen with no controls.';
    slot.append(a, note);
  }

  dispose(): void {}
}
