import type { OverlayModel } from '../../../view/overlay/OverlayModel';
import type { OverlayLine, OverlayPoint } from '../../../view/overlay/overlayLayers';

/** A unit's drive to an incident: the route and a vehicle moving along it. */
export interface AnimatedRoute {
  unitIds: string[];
  kind: string;
  coordsLonLat: Array<[number, number]>;
  /** Seconds from departure at each vertex. */
  cumulativeS: number[];
}

const KIND_COLOURS: Record<string, string> = { fire_engine: '#ef4444', ambulance: '#f8fafc', police_car: '#3b82f6' };
const INCIDENT = '#facc15';
const ROUTES = 'dispatch:routes', MARKS = 'dispatch:points';

/**
 * Incidents, response routes and moving vehicles drawn through the overlay model (so the wall
 * can show them too): one line layer for routes, one point layer for incidents and vehicles,
 * the latter set again as vehicles advance.
 */
export class DispatchDrawing {
  private readonly incidents: OverlayPoint[] = [];
  private readonly routes: AnimatedRoute[] = [];
  private readonly positions: Array<[number, number]> = [];

  constructor(private readonly overlay: OverlayModel) {}

  get routeCount(): number { return this.routes.length; }

  addIncident(id: string, lonLat: [number, number], title: string): void {
    this.incidents.push({ id, lonDeg: lonLat[0], latDeg: lonLat[1], color: INCIDENT, sizePx: 16, pulsing: true, alert: true, title });
    this.drawPoints();
  }

  addRoute(route: AnimatedRoute): void {
    this.routes.push(route);
    this.positions.push(route.coordsLonLat[0]);
    const lines: OverlayLine[] = this.routes.map((r, k) => ({ id: `route-${k}-${r.unitIds[0]}`, lonLatDeg: r.coordsLonLat.flat(), color: KIND_COLOURS[r.kind] ?? '#a3e635', widthPx: 4 }));
    this.overlay.set(ROUTES, { kind: 'lines', lines });
    this.drawPoints();
  }

  /** Places every vehicle where it is `elapsedS` after departure; returns true while any is still driving. */
  advance(elapsedS: number): boolean {
    let moving = false;
    this.routes.forEach((r, k) => {
      const t = r.cumulativeS, c = r.coordsLonLat;
      if (elapsedS < t[t.length - 1]) moving = true;
      let i = 1;
      while (i < t.length - 1 && t[i] < elapsedS) i++;
      const f = t[i] > t[i - 1] ? Math.min(1, Math.max(0, (elapsedS - t[i - 1]) / (t[i] - t[i - 1]))) : 1;
      this.positions[k] = [c[i - 1][0] + (c[i][0] - c[i - 1][0]) * f, c[i - 1][1] + (c[i][1] - c[i - 1][1]) * f];
    });
    this.drawPoints();
    return moving;
  }

  private drawPoints(): void {
    const vehicles: OverlayPoint[] = this.routes.map((r, k) => ({
      id: r.unitIds[0], lonDeg: this.positions[k][0], latDeg: this.positions[k][1], color: KIND_COLOURS[r.kind] ?? '#a3e635', sizePx: 10,
    }));
    this.overlay.set(MARKS, { kind: 'points', points: [...this.incidents, ...vehicles] });
  }

  clear(): void {
    this.incidents.length = 0;
    this.routes.length = 0;
    this.positions.length = 0;
    this.overlay.remove(ROUTES);
    this.overlay.remove(MARKS);
  }
}
