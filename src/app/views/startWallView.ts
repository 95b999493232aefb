import type { OverlayModel } from '../../view/overlay/OverlayModel';
import { districtStops, tourStops, type TourStop } from '../../view/three/tourStops';
import { parseWallLayout } from '../../view/three/WallLayout';
import type { WallMode } from '../../view/three/WallLook';
import { WallView } from '../../view/three/WallView';
import { tileBudget } from '../../view/tileBudget';
import type { CityContext } from '../host/CityContext';
import type { PageHandle } from '../host/PageHandle';
import type { UrlState } from '../host/UrlState';
import type { ViewPort } from '../host/ViewPort';
import { cityHalfSizeM } from './cityHalfSize';
import { loadReporter } from './reportLoad';

/** The wall as features see it: the ViewPort, the three view, its captions and its tour's stops. */
export interface WallViewPort extends ViewPort {
  readonly kind: 'wall';
  readonly wall: WallView;
  readonly kiosk: boolean;
  /** The caption area (bottom left): features add their lines to it. */
  readonly captions: HTMLElement;
  /** Adds (or with null removes) a stop shown right after the city overview, e.g. a flood run. */
  setFeaturedStop(key: string, stop: TourStop | null): void;
  /** The tour's stops now: city, featured stops, districts, open alerts. */
  stops(): TourStop[];
}

/** The caption area (bottom left) and its first line, the tour stop's name. */
function wallCaptions(container: HTMLElement): { captions: HTMLElement; caption: HTMLElement } {
  const captions = document.createElement('div');
  captions.className = 'wall-captions';
  const caption = document.createElement('div');
  caption.className = 'wall-caption';
  caption.setAttribute('aria-live', 'polite');
  captions.append(caption);
  container.appendChild(captions);
  return { captions, caption };
}

async function fetchJson<T>(url: string): Promise<T | null> {
  const res = await fetch(url);
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/**
 * Starts the wall display (`?view=wall`) on a city. URL flags: `kiosk=1` (no chrome; the tour
 * starts), `mode=night|day`, `tour=1|0`, `dwell=S`, `flight=S`, `budget=MS` (frame budget the
 * adaptive resolution holds; 0 = fixed), `scale=X` (render scale), `sse=PX` (tile refinement,
 * default 6), `aa=1`, `fps=N` (frame-rate cap; the resolution then stays fixed), `wall=CxR&tile=I&lead=I&wallId=NAME` (one window of a multi-window wall).
 * `budgetMB` (the tiles' memory budget, src/view/tileBudget) is the host's: it arrives as `o.budgetMB`.
 */
export async function startWallView(o: { container: HTMLElement; city: CityContext; overlay: OverlayModel; handle: PageHandle; url: UrlState; budgetMB: number }): Promise<WallViewPort> {
  const u = o.url, m = o.city.manifest;
  u.claim('wall', 'kiosk', 'mode', 'tour', 'dwell', 'flight', 'budget', 'scale', 'sse', 'aa', 'fps', 'wall', 'tile', 'lead', 'wallId');
  const kiosk = u.get('kiosk') === '1';
  const mode = (u.get('mode') ?? 'night') as WallMode;
  if (mode !== 'night' && mode !== 'day') throw new Error(`URL parameter "mode" must be night or day (got '${mode}')`);
  const maxFps = u.number('fps', 0, 0, 240) || null;
  const budget = maxFps ? 0 : u.number('budget', 1000 / 30, 0, 1000);
  document.body.dataset.view = 'wall';
  document.body.classList.toggle('kiosk', kiosk);
  const [dem, river, units] = await Promise.all([
    o.city.dem(), fetchJson<never>(`${o.city.url}/river.geojson`), fetchJson<Parameters<typeof districtStops>[0]>(`${o.city.url}/units.geojson`),
  ]);
  const { captions, caption } = wallCaptions(o.container);
  const halfM = cityHalfSizeM(m);
  const wall = new WallView({
    container: o.container, cityUrl: o.city.url, originLonDeg: m.origin.lonDeg, originLatDeg: m.origin.latDeg, buildingCount: m.counts.buildings, homeHalfSizeM: halfM,
    dem, river, layout: parseWallLayout(u.params()), wallName: u.get('wallId') ?? 'main', mode, budget: tileBudget(o.budgetMB, undefined, u.number('sse', 6, 0.5, 256)),
    surface: { budgetMs: budget > 0 ? budget : null, scale: u.number('scale', 1, 0.1, 4), antialias: u.get('aa') === '1', maxFps },
    tour: { flightS: u.number('flight', 4, 0.05, 60), dwellS: u.number('dwell', 10, 0.1, 600), orbitRadPerS: 0.03 },
    onLoadState: loadReporter('Wall · ', m, o.handle),
    onTourStop: (stop) => {
      caption.textContent = stop?.name ?? '';
      if (stop) document.body.dataset.tourStop = stop.name;
    },
  });
  o.handle.expose('wall', wall);
  o.handle.expose('load', wall.state);
  wall.overlay.attach(o.overlay);
  wall.start();
  const city: TourStop = { name: m.title, kind: 'city', lonDeg: m.origin.lonDeg, latDeg: m.origin.latDeg, rangeM: Math.max(1500, halfM * 2.1), headingRad: 0, pitchRad: -0.7 };
  const districts = units ? districtStops(units) : [];
  const featured = new Map<string, TourStop>();
  const stops = () => tourStops(city, districts, o.overlay, [...featured.values()]);
  // Alerts come and go as overlay points: a running tour picks up the new list.
  o.overlay.subscribe((c) => { if (c.kind === 'points' && wall.tour.running) wall.tour.setStops(stops()); });
  const target = wall.rig.target.clone();
  return {
    kind: 'wall', wall, kiosk, captions, stops,
    setFeaturedStop: (key, stop) => {
      if (stop) featured.set(key, stop); else featured.delete(key);
      if (wall.tour.running) wall.tour.setStops(stops());
    },
    flyHome: () => wall.flyHome(),
    lookAt: (lon, lat, h, range, pitch = -89.9) => wall.rig.lookAt(wall.frame.toScene(lon, lat, h, target), range, 0, (pitch * Math.PI) / 180),
    flyTo: (lon, lat, h, range, pitch) => wall.rig.lookAt(wall.frame.toScene(lon, lat, h, target), range, 0, (pitch * Math.PI) / 180),
    centreLonLat: () => wall.frame.lonLatOf(wall.rig.target.x, wall.rig.target.z),
    requestRender: () => {},
  };
}
