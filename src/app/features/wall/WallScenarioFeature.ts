import type { HubSide } from '../../../hub/client/HubLink';
import { SCENARIO_OVERLAY_PREFIX } from '../../../scenario/layers/toOverlayLayers';
import type { Feature } from '../../host/Feature';
import type { FeatureHost } from '../../host/FeatureHost';
import type { LiveSignsFeature } from '../liveSigns/LiveSignsFeature';
import type { WallViewPort } from '../../views/startWallView';
import { RemoteScenarioRun } from './RemoteScenarioRun';
import { scenarioCaption } from './scenarioCaption';

/**
 * Scenario runs of workspaces on other machines on the wall: follows `hub/<city>/runs/scenario`
 * (with the live feed and a hub grant), computes each run here (RemoteScenarioRun) and draws its
 * layers at the workspace's time, with captions naming the scenario, variant, time, sender and the
 * main KPIs; a refused message or a failed run is a caption line, never a crash.
 * `body[data-wall-scenario]`: none | computing | shown | local | error.
 */
export class WallScenarioFeature implements Feature {
  readonly name = 'wallScenario';
  private remote: RemoteScenarioRun | null = null;
  private readonly caption = document.createElement('div');
  private offRun: () => void = () => {};
  private offSide: () => void = () => {};

  constructor(private readonly view: WallViewPort, private readonly live: LiveSignsFeature) {}

  init(host: FeatureHost): void {
    this.caption.className = 'wall-scenario-caption';
    this.caption.setAttribute('aria-live', 'polite');
    this.view.captions.append(this.caption);
    const remote = (this.remote = new RemoteScenarioRun(host.overlay, host.city.name, (s) => {
      const lines = scenarioCaption(s);
      this.caption.replaceChildren(...lines.map((text, i) => { const p = document.createElement('p'); p.textContent = text; if (i > 0) p.className = 'wall-scenario-kpi'; return p; }));
      host.announce('wallScenario', s.state);
      // Asked after this run's own layers are cleared: any scenario layer left came over the overlay mirror.
    }, () => host.overlay.ids().some((id) => id.startsWith(SCENARIO_OVERLAY_PREFIX))));
    host.expose('wallScenario', remote);
    this.live.whenLive((signs) => {
      const follow = (side: HubSide | null) => {
        this.offRun();
        this.offRun = side ? side.state.events.subscribe('scenarioRun', (m) => remote.take(m)) : () => {};
        const s = side?.state;
        if (s?.scenarioRun || s?.scenarioRunError) remote.take(s.scenarioRun ?? { error: s.scenarioRunError! });
      };
      this.offSide = signs.hub.events.subscribe('side', follow);
      follow(signs.hub.side);
    });
  }

  dispose(): void {
    this.offSide();
    this.offRun();
    this.remote?.dispose();
    this.caption.remove();
  }
}
