import { LocalFrame } from '../../../geo/LocalFrame';
import { queryArea } from '../../../twin/queryArea';
import { AreaQueryPanel } from '../../../ui/drilldown/AreaQueryPanel';
import { BUILDING_COLOR_PRIORITY } from '../../../view/overlay/buildingColorPriority';
import { CLICK_PRIORITY } from '../../host/ClickRouter';
import type { Feature } from '../../host/Feature';
import type { FeatureHost } from '../../host/FeatureHost';

const RING = 'area:circle', INSIDE = 'area:buildings';
const COLOUR = '#38bdf8';

/**
 * The circle query (key Q, then click the map): what lies inside per community with totals and
 * CSV, the circle drawn on the ground and the buildings inside highlighted, in either view.
 */
export class AreaQueryFeature implements Feature {
  readonly name = 'areaQuery';
  private panel: AreaQueryPanel | null = null;
  private readonly offs: Array<() => void> = [];

  init(host: FeatureHost): void {
    const slot = host.slot('area', 'Area query');
    if (!slot) return;
    const panel = (this.panel = new AreaQueryPanel(slot, { onArm: (on) => { if (on) host.status('Area query: click the map where the circle goes.'); } }));
    host.expose('area', panel);
    this.offs.push(host.shortcuts.add('q', 'Area query: arm, then click the map', this.name, () => { host.reveal('area'); panel.setArmed(!panel.isArmed); }));
    this.offs.push(host.clicks.add(CLICK_PRIORITY.tool, (hit) => {
      if (!panel.isArmed || !hit.lonLat) return false;
      panel.setArmed(false);
      host.background(this.name, this.query(host, hit.lonLat, panel.radiusM));
      return true;
    }));
  }

  private async query(host: FeatureHost, centre: [number, number], radiusM: number): Promise<void> {
    const [model, signs] = await Promise.all([host.city.model(), host.city.sensors()]);
    const sensors = (signs?.registry.sensors ?? []).map((s) => ({ id: s.id, lonLat: [s.lonDeg, s.latDeg] as [number, number] }));
    const result = queryArea(model, { type: 'circle', centerLonLat: centre, radiusM }, sensors);
    const frame = new LocalFrame(centre[0], centre[1]);
    const ring: number[] = [];
    for (let k = 0; k <= 72; k++) ring.push(...frame.toLonLat(radiusM * Math.cos((k / 72) * 2 * Math.PI), radiusM * Math.sin((k / 72) * 2 * Math.PI)));
    host.overlay.set(RING, { kind: 'lines', lines: [{ id: 'area-circle', lonLatDeg: ring, color: COLOUR, widthPx: 4 }] });
    host.overlay.set(INSIDE, {
      kind: 'featureColors', colors: new Map(result.buildingIds.map((id) => [id, '#38bdf8b0'])), priority: BUILDING_COLOR_PRIORITY.selection, blend: 'over',
    });
    this.panel?.show(result);
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
    this.panel?.dispose();
    this.panel = null;
  }
}
