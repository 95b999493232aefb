import { parseScope, scopeDimming, type UnitScope } from '../../../twin/scope/unitScope';
import { BUILDING_COLOR_PRIORITY } from '../../../view/overlay/buildingColorPriority';
import type { Feature } from '../../host/Feature';
import type { FeatureHost } from '../../host/FeatureHost';
import type { LiveSignsFeature } from '../liveSigns/LiveSignsFeature';

const LAYER = 'scope:dim';

/** What `window.twin.scope` shows: the scope, its unit's name and how many buildings lie in it. */
export interface LiveScope {
  scope: UnitScope;
  name: string;
  buildings: number;
}

/**
 * Tier views: `?tier=district|street&unit=<id>` (or, without them, the logged-in account's own
 * district or street) scopes the page to one unit: the city outside it is dimmed in both views,
 * the camera goes there, the alert list and sensor markers keep only its own, and a chip under the
 * top bar names the scope with a way back to the whole city. Incidents follow the account's rights.
 */
export class TierScopeFeature implements Feature {
  readonly name = 'tierScope';
  private chip: HTMLElement | null = null;

  constructor(private readonly live?: LiveSignsFeature) {}

  init(host: FeatureHost): void {
    host.url.claim(this.name, 'tier', 'unit');
    const fromUrl = parseScope(host.url.get('tier'), host.url.get('unit'));
    if (fromUrl) host.background(this.name, this.apply(host, fromUrl));
    // Without one in the URL, a district or street account sees its own unit.
    this.live?.whenLive((signs) => {
      if (fromUrl) { signs.scope(fromUrl); return; }
      const follow = () => {
        const a = signs.session.current?.account;
        if (a && (a.tier === 'district' || a.tier === 'street') && !this.chip) {
          const s = { tier: a.tier, unitId: a.unitId } as UnitScope;
          signs.scope(s);
          host.background(this.name, this.apply(host, s));
        }
      };
      signs.session.events.subscribe('session', follow);
      follow();
    });
  }

  private async apply(host: FeatureHost, scope: UnitScope): Promise<void> {
    const model = await host.city.model();
    const unit = model.hierarchy.node(scope.unitId);
    if (!unit || unit.level !== scope.tier) throw new Error(`URL parameter "unit": expected a ${scope.tier} of ${host.city.manifest.title}, got '${scope.unitId}'`);
    const { rgba, inside } = scopeDimming(model.buildings, scope);
    host.overlay.set(LAYER, { kind: 'buildingColors', rgba, priority: BUILDING_COLOR_PRIORITY.scope, blend: 'over' }, { share: true });
    this.showChip(host, `${scope.tier === 'district' ? 'District' : 'Street'}: ${unit.name}`, inside);
    const ids = model.hierarchy.buildingsUnder(scope.unitId);
    if (ids.length) {
      let x = 0, y = 0;
      for (const i of ids) { const f = model.buildings[i].footprint[0]; x += f[0]; y += f[1]; }
      const [lon, lat] = model.frame.toLonLat(x / ids.length, y / ids.length);
      const dem = await host.city.dem();
      host.view.lookAt(lon, lat, dem?.sample(x / ids.length, y / ids.length) ?? 0, 2500, -50);
    }
    host.expose('scope', { scope, name: unit.name, buildings: inside } satisfies LiveScope);
    host.announce('scope', `${scope.tier}:${scope.unitId}`);
  }

  private showChip(host: FeatureHost, text: string, buildings: number): void {
    this.chip?.remove();
    const chip = (this.chip = document.createElement('span'));
    chip.className = 'scope-chip';
    chip.setAttribute('role', 'status');
    chip.textContent = `${text} · ${buildings.toLocaleString('en')} buildings · rest of the city dimmed `;
    const back = document.createElement('a');
    const url = new URL(location.href);
    url.searchParams.delete('tier');
    url.searchParams.delete('unit');
    back.href = url.toString();
    back.textContent = 'Whole city';
    chip.append(back);
    // Below the top bar, over the map's top-left corner: the bar has no room for it at 1000 px.
    document.body.append(chip);
  }

  dispose(): void {
    this.chip?.remove();
  }
}
