import type { CityManifest } from './cityManifest';
import { loadDem } from './loadDem';
import { floodChannelName } from '../sim/flood/floodBroadcastProtocol';
import { Legend } from '../ui/Legend';
import type { OverlayModel } from '../view/overlay/OverlayModel';
import { districtStops, floodStop, tourStops, type TourStop } from '../view/three/tourStops';
import { parseWallLayout } from '../view/three/WallLayout';
import { WallView } from '../view/three/WallView';
import type { WallMode } from '../view/three/WallLook';
import { startWallFlood, type WallFlood } from './startWallFlood';

export interface WallStart {
  container: HTMLElement;
  cityUrl: string;
  manifest: CityManifest;
  overlay: OverlayModel;
  params: URLSearchParams;
}

/** What the wall page exposes as `window.twin` (tests, bench, operators' consoles). */
export interface WallHandle {
  view: 'wall';
  wall: WallView;
  overlay: OverlayModel;
  load: WallView['state'];
  loadedAtMs: number | null;
  /** The workspace's flood run as the wall shows it. */
  flood: WallFlood;
}

/** A number from the URL, with a clear error naming the parameter. */
function numberParam(params: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = params.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`URL parameter "${name}" must be a number in ${min}..${max} (got '${raw}')`);
  return n;
}

async function fetchJson<T>(url: string): Promise<T | null> {
  const res = await fetch(url);
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/**
 * Starts the wall display (`?view=wall`). URL flags: `kiosk=1` (no chrome; the tour starts),
 * `mode=night|day`, `tour=1|0`, `dwell=S`, `flight=S`, `budget=MS` (frame budget the adaptive
 * resolution holds; 0 = fixed), `scale=X` (render scale), `sse=PX` (tile refinement, default 6),
 * `wall=CxR&tile=I&lead=I&wallId=NAME`
 * (one window of a multi-window wall). A flood what-if run in a workspace of the same city shows
 * here too (startWallFlood), with its depth legend and time in the caption area.
 */
export async function startWall(s: WallStart): Promise<WallView> {
  const p = s.params;
  const kiosk = p.get('kiosk') === '1';
  const layout = parseWallLayout(p);
  const mode = (p.get('mode') ?? 'night') as WallMode;
  if (mode !== 'night' && mode !== 'day') throw new Error(`URL parameter "mode" must be night or day (got '${mode}')`);
  const budget = numberParam(p, 'budget', 1000 / 30, 0, 1000);
  document.body.dataset.view = 'wall';
  document.body.classList.toggle('kiosk', kiosk);
  const status = document.getElementById('status')!;
  const progress = document.getElementById('load-progress') as HTMLProgressElement;
  status.textContent = `Loading ${s.manifest.title}…`;
  const [dem, river, units] = await Promise.all([
    loadDem(s.cityUrl), fetchJson<never>(`${s.cityUrl}/river.geojson`), fetchJson<Parameters<typeof districtStops>[0]>(`${s.cityUrl}/units.geojson`),
  ]);
  const t0 = performance.now();
  const handle = { view: 'wall', overlay: s.overlay, loadedAtMs: null } as unknown as WallHandle;
  let relabel = () => {};
  const captions = document.createElement('div');
  captions.className = 'wall-captions';
  const caption = document.createElement('div');
  caption.className = 'wall-caption';
  caption.setAttribute('aria-live', 'polite');
  const floodCaption = document.createElement('div');
  floodCaption.className = 'wall-flood-caption';
  floodCaption.setAttribute('aria-live', 'polite');
  captions.append(caption, floodCaption);
  s.container.appendChild(captions);
  const wall = new WallView({
    container: s.container, cityUrl: s.cityUrl, originLonDeg: s.manifest.origin.lonDeg, originLatDeg: s.manifest.origin.latDeg,
    dem, river, layout, wallName: p.get('wallId') ?? 'main', mode, errorTargetPx: numberParam(p, 'sse', 6, 0.5, 256),
    surface: { budgetMs: budget > 0 ? budget : null, scale: numberParam(p, 'scale', 1, 0.1, 4), antialias: p.get('aa') === '1' },
    tour: { flightS: numberParam(p, 'flight', 4, 0.05, 60), dwellS: numberParam(p, 'dwell', 10, 0.1, 600), orbitRadPerS: 0.03 },
    onLoadState: (st) => {
      if (st.settled && handle.loadedAtMs === null) {
        handle.loadedAtMs = Math.round(performance.now() - t0);
        document.body.dataset.tilesets = 'loaded';
      }
      progress.value = st.settled ? 1 : Math.min(0.95, (st.buildingTilesLoaded + st.terrainTilesLoaded) / 60);
      status.textContent = `Wall · ${s.manifest.title}: tiles loaded: buildings ${st.buildingTilesLoaded}, terrain ${st.terrainTilesLoaded}` +
        (st.failures ? ` · ${st.failures} tiles failed` : '') + (st.settled ? ' · ready' : ' · loading…');
    },
    onTourStop: (stop) => {
      caption.textContent = stop?.name ?? '';
      if (stop) document.body.dataset.tourStop = stop.name;
      relabel();
    },
  });
  const legend = new Legend(document.body);
  legend.show(null);
  // A flood run shown here becomes the tour's stop after the city overview (and leaves it when cleared).
  let floodTourStop: TourStop | null = null;
  const flood = startWallFlood(wall, floodChannelName(s.manifest.name), legend, floodCaption, (grid) => {
    floodTourStop = grid ? floodStop(grid) : null;
    if (wall.tour.running) wall.tour.setStops(stops());
  });
  Object.assign(handle, { wall, load: wall.state, flood });
  (window as unknown as { twin: WallHandle }).twin = handle;
  wall.overlay.attach(s.overlay);
  wall.start();
  const city: TourStop = { name: s.manifest.title, kind: 'city', lonDeg: s.manifest.origin.lonDeg, latDeg: s.manifest.origin.latDeg, rangeM: 9500, headingRad: 0, pitchRad: -0.7 };
  const districts = units ? districtStops(units) : [];
  const stops = () => tourStops(city, districts, s.overlay, floodTourStop);
  s.overlay.subscribe((c) => { if (c.kind === 'points' && wall.tour.running) wall.tour.setStops(stops()); });
  relabel = wireWallControls(wall, stops, kiosk);
  if (p.get('tour') === '1' || (kiosk && p.get('tour') !== '0')) wall.startTour(stops());
  return wall;
}

/** Top-bar buttons and keys of the wall: night/day (N), tour (T), home (H), fullscreen (F). Returns the buttons' relabel function. */
function wireWallControls(wall: WallView, stops: () => TourStop[], kiosk: boolean): () => void {
  const nav = document.querySelector('.topbar .controls')!;
  const modeBtn = button('wall-mode', 'Switch night / day (key N)');
  const tourBtn = button('wall-tour', 'Start / stop the auto tour (key T)');
  const label = () => {
    modeBtn.textContent = wall.look.mode === 'night' ? 'Night' : 'Day';
    tourBtn.textContent = 'Tour';
    tourBtn.setAttribute('aria-pressed', String(wall.tour.running));
  };
  const toggleMode = () => { wall.setMode(wall.look.mode === 'night' ? 'day' : 'night'); label(); };
  const toggleTour = () => { if (wall.tour.running) wall.tour.stop(); else wall.startTour(stops()); label(); };
  const home = () => wall.flyHome();
  modeBtn.addEventListener('click', toggleMode);
  tourBtn.addEventListener('click', toggleTour);
  document.getElementById('home')?.addEventListener('click', home);
  nav.prepend(modeBtn, tourBtn);
  label();
  const fullscreen = () => { if (!document.fullscreenElement) document.documentElement.requestFullscreen().catch((e: Error) => console.warn(`fullscreen refused: ${e.message}`)); };
  // A kiosk goes fullscreen on the first touch (browsers allow it only after a user gesture).
  if (kiosk) window.addEventListener('pointerdown', fullscreen, { once: true });
  window.addEventListener('keydown', (e) => {
    if (e.target instanceof HTMLInputElement || e.ctrlKey || e.metaKey || e.altKey) return;
    const k = e.key.toLowerCase();
    if (k === 'n') toggleMode();
    else if (k === 't') toggleTour();
    else if (k === 'h') home();
    else if (k === 'f') fullscreen();
  });
  return label;
}

function button(id: string, title: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.id = id;
  b.title = title;
  return b;
}
