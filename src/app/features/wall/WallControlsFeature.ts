import type { Feature } from '../../host/Feature';
import type { FeatureHost } from '../../host/FeatureHost';
import type { WallViewPort } from '../../views/startWallView';

/**
 * The wall's controls: night/day (N), the auto tour (T), home (H), fullscreen (F); a kiosk goes
 * fullscreen on the first touch and starts the tour unless `tour=0`.
 */
export class WallControlsFeature implements Feature {
  readonly name = 'wallControls';
  private readonly offs: Array<() => void> = [];

  constructor(private readonly view: WallViewPort) {}

  init(host: FeatureHost): void {
    const wall = this.view.wall;
    const modeBtn = button('wall-mode', 'Switch night / day (key N)');
    const tourBtn = button('wall-tour', 'Start / stop the auto tour (key T)');
    const homeBtn = button('home', 'Back to the whole city (key H)');
    homeBtn.textContent = 'Home';
    const label = () => {
      modeBtn.textContent = wall.look.mode === 'night' ? 'Night' : 'Day';
      tourBtn.textContent = 'Tour';
      tourBtn.setAttribute('aria-pressed', String(wall.tour.running));
    };
    const toggleMode = () => { wall.setMode(wall.look.mode === 'night' ? 'day' : 'night'); label(); };
    const toggleTour = () => { if (wall.tour.running) wall.tour.stop(); else wall.startTour(this.view.stops()); label(); };
    const fullscreen = () => { if (!document.fullscreenElement) document.documentElement.requestFullscreen().catch((e: Error) => console.warn(`fullscreen refused: ${e.message}`)); };
    modeBtn.addEventListener('click', toggleMode);
    tourBtn.addEventListener('click', toggleTour);
    homeBtn.addEventListener('click', () => wall.flyHome());
    host.addControl(homeBtn, true);
    host.addControl(tourBtn, true);
    host.addControl(modeBtn, true);
    this.offs.push(
      () => { modeBtn.remove(); tourBtn.remove(); homeBtn.remove(); },
      host.shortcuts.add('n', 'Night / day look', this.name, toggleMode),
      host.shortcuts.add('t', 'Start / stop the auto tour', this.name, toggleTour),
      host.shortcuts.add('h', 'Fly back to the whole city', this.name, () => wall.flyHome()),
      host.shortcuts.add('f', 'Fullscreen', this.name, fullscreen),
    );
    // A kiosk goes fullscreen on the first touch (browsers allow it only after a user gesture).
    if (this.view.kiosk) window.addEventListener('pointerdown', fullscreen, { once: true });
    label();
    const tour = host.url.get('tour');
    if (tour === '1' || (this.view.kiosk && tour !== '0')) { wall.startTour(this.view.stops()); label(); }
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
  }
}

function button(id: string, title: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.id = id;
  b.title = title;
  return b;
}
