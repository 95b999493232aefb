import type { CameraState } from '../schema/Scenario';

/** What a share link restores: scenario, variant, compare mode, view, camera and time. */
export interface ShareState {
  scenario: string;
  /** 'baseline' or a variant name; absent: the first variant (or the baseline). */
  variant?: string;
  /** Split screen baseline | variant. */
  compare?: boolean;
  view?: 'workspace' | 'wall';
  /** Timeline time (s since the scenario start). */
  timeS?: number;
  camera?: CameraState;
}

/** The query parameters a share link owns (others, like `fly` or `city`, are kept as they are). */
export const SHARE_PARAMS = ['scenario', 'variant', 'compare', 'view', 't', 'cam'] as const;

/** A share link that does not parse: names the parameter and what was expected. */
export class ShareLinkError extends Error {
  constructor(readonly param: string, expected: string, got: string) {
    super(`share link: parameter "${param}" must be ${expected}, got "${got}"`);
    this.name = 'ShareLinkError';
  }
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));

/** `cam` text: lon,lat (1e-6 deg, ~0.1 m), height (0.1 m), heading, pitch (0.01 deg). */
export function formatCamera(c: CameraState): string {
  const heading = round(((c.headingDeg % 360) + 360) % 360, 2) % 360;
  return [round(c.lonDeg, 6), round(c.latDeg, 6), round(c.heightM, 1), heading, round(c.pitchDeg, 2)].join(',');
}

/** Parses `lon,lat,heightM,headingDeg,pitchDeg` (degrees, meters). */
export function parseCamera(text: string): CameraState {
  const n = text.split(',').map(Number);
  const expected = 'LON,LAT,HEIGHT_M,HEADING_DEG,PITCH_DEG (e.g. 104.06,30.66,1500,0,-45)';
  if (n.length !== 5 || n.some((v) => !Number.isFinite(v))) throw new ShareLinkError('cam', expected, text);
  const [lonDeg, latDeg, heightM, headingDeg, pitchDeg] = n;
  if (Math.abs(lonDeg) > 180 || Math.abs(latDeg) > 90) throw new ShareLinkError('cam', `${expected} with a longitude in [-180, 180] and a latitude in [-90, 90]`, text);
  if (!(heightM >= 1 && heightM <= 1e7)) throw new ShareLinkError('cam', `${expected} with a height in [1, 10000000] m`, text);
  if (!(pitchDeg >= -90 && pitchDeg <= 90)) throw new ShareLinkError('cam', `${expected} with a pitch in [-90, 90] degrees`, text);
  return { lonDeg, latDeg, heightM, headingDeg: ((headingDeg % 360) + 360) % 360, pitchDeg };
}

/**
 * Reads the share state from a URL query (`?scenario=rainstorm-old-town&variant=drainage-upgrade&t=3600&cam=104.06,30.66,1500,0,-45`);
 * null when it names no scenario. Throws ShareLinkError naming a malformed parameter.
 */
export function parseShareLink(search: string | URLSearchParams): ShareState | null {
  const q = typeof search === 'string' ? new URLSearchParams(search) : search;
  const scenario = q.get('scenario');
  if (scenario === null) return null;
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(scenario)) throw new ShareLinkError('scenario', 'a scenario id (lower-case kebab-case)', scenario);
  const out: ShareState = { scenario };
  const variant = q.get('variant');
  if (variant !== null) {
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(variant)) throw new ShareLinkError('variant', '"baseline" or a variant name (lower-case kebab-case)', variant);
    out.variant = variant;
  }
  const compare = q.get('compare');
  if (compare !== null) {
    if (compare !== '1' && compare !== '0') throw new ShareLinkError('compare', '1 (split screen) or 0', compare);
    out.compare = compare === '1';
  }
  const view = q.get('view');
  if (view !== null) {
    if (view !== 'workspace' && view !== 'wall') throw new ShareLinkError('view', 'workspace or wall', view);
    out.view = view;
  }
  const t = q.get('t');
  if (t !== null) {
    const v = Number(t);
    if (t.trim() === '' || !Number.isFinite(v) || v < 0) throw new ShareLinkError('t', 'a time in seconds >= 0 since the scenario start', t);
    out.timeS = v;
  }
  const cam = q.get('cam');
  if (cam !== null) out.camera = parseCamera(cam);
  return out;
}

/**
 * Writes the share state into a URL's query, keeping the parameters it does not own (order:
 * theirs, then scenario, variant, compare, view, t, cam). Returns the new URL text.
 */
export function formatShareLink(base: string, s: ShareState): string {
  const url = new URL(base);
  for (const p of SHARE_PARAMS) url.searchParams.delete(p);
  url.searchParams.set('scenario', s.scenario);
  if (s.variant !== undefined) url.searchParams.set('variant', s.variant);
  if (s.compare !== undefined) url.searchParams.set('compare', s.compare ? '1' : '0');
  if (s.view !== undefined) url.searchParams.set('view', s.view);
  if (s.timeS !== undefined) url.searchParams.set('t', String(round(s.timeS, 1)));
  if (s.camera) url.searchParams.set('cam', formatCamera(s.camera));
  // Commas in `cam` read better unescaped, and URLSearchParams decodes them either way.
  return url.toString().replace(/%2C/g, ',');
}
