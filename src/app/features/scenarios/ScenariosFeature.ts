import { ResultCache } from '../../../scenario/cache/ResultCache';
import { shippedScenarios } from '../../../scenario/io/shippedScenarios';
import { ScenarioRunner } from '../../../scenario/runner/ScenarioRunner';
import { webWorkerExecutor } from '../../../scenario/runner/webWorkerExecutor';
import type { Scenario } from '../../../scenario/schema/Scenario';
import { parseShareLink, ShareLinkError } from '../../../scenario/share/shareLink';
import { Emitter } from '../../../signs/events/Emitter';
import type { Feature } from '../../host/Feature';
import type { FeatureHost } from '../../host/FeatureHost';
import type { WorkspaceViewPort } from '../../views/startWorkspaceView';
import { currentShareLink, exportScenario } from './exportScenario';
import { ScenarioMode } from './ScenarioMode';

export type { ScenarioMode };

/** The scenario run a workspace shows (running, or its results in), as walls elsewhere are told of it. */
export interface ScenarioShown {
  scenario: Scenario;
  variant: string;
  compare: boolean;
  timeS: number;
}

/**
 * What the mode shows: a run from the moment it starts (so a wall elsewhere computes it while this
 * page does), or null while none is (idle, failed, cancelled).
 */
function shownOf(w: ScenarioMode): ScenarioShown | null {
  const on = w.status === 'running' || (w.status === 'ready' && w.runs.length > 0);
  return on ? { scenario: w.scenario, variant: w.variant, compare: w.compare, timeS: w.timeS } : null;
}

/** The in-browser cache holds results for the session only, so the code version is this build's. */
const BROWSER_CODE_VERSION = 'browser-1';
const LEGEND = 'scenario';

/**
 * What-if scenarios in the workspace (ScenarioMode: run baseline and variant in Web Workers,
 * KPI table, timeline, split screen, exports) and their share links
 * (`?scenario=ID&variant=NAME&compare=1&t=SECONDS&cam=LON,LAT,HEIGHT,HEADING,PITCH`): a link
 * restores the scenario, variant, camera and time and runs it; once a scenario is in use the URL
 * follows every change. Problems show in the panel; `body[data-scenario]` says the state.
 */
export class ScenariosFeature implements Feature {
  readonly name = 'scenarios';
  /** `change` after every change of what is shown (also camera moves: listeners compare). */
  readonly shown = new Emitter<{ change: ScenarioShown | null }>();
  private mode: ScenarioMode | null = null;

  constructor(private readonly view: WorkspaceViewPort) {}

  init(host: FeatureHost): void {
    const slot = host.slot('scenarios', 'What-if scenarios');
    if (!slot) return;
    host.url.claim(this.name, 'scenario', 'variant', 'compare', 't', 'cam');
    host.background(this.name, this.start(host, slot).catch((err: Error) => {
      host.announce('scenario', 'error');
      throw err;
    }));
  }

  private async start(host: FeatureHost, slot: HTMLElement): Promise<void> {
    const scenarios = shippedScenarios(host.city.name);
    if (!scenarios.length) {
      // A package with no scenario of its own (a scaled demo, an import): say so instead of an empty mode.
      const p = document.createElement('p');
      p.className = 'muted';
      p.textContent = `No what-if scenario is written for this city ("${host.city.name}"). Scenarios are JSON files in scenarios/ with "city": "${host.city.name}" (schema: scenarios/scenario.schema.json; check one with npm run -s cli -- scenario validate FILE).`;
      slot.append(p);
      host.announce('scenario', 'none');
      return;
    }
    const dem = await host.city.dem();
    const runner = new ScenarioRunner({ executor: webWorkerExecutor(), cache: new ResultCache(), codeVersion: BROWSER_CODE_VERSION });
    let restoring = true, engaged = host.url.get('scenario') !== null;
    const w = (this.mode = new ScenarioMode({
      viewer: this.view.workspace.viewer, viewHost: document.getElementById('view')!, overlay: host.overlay, side: slot,
      dock: document.getElementById('dock') ?? document.body, legend: (scale) => host.legend.show(LEGEND, scale),
      cityUrl: host.city.url, dem, scenarios, runner, onExport: (what) => { void exportScenario(w, what); },
      onStateChange: () => {
        engaged ||= w.status !== 'idle';
        if (!restoring && engaged) history.replaceState(history.state, '', currentShareLink(w));
        this.shown.emit('change', shownOf(w));
      },
    }));
    host.expose('scenario', w);
    host.announce('scenario', 'idle');
    try {
      const link = parseShareLink(location.search);
      if (link) {
        host.reveal('scenarios');
        w.select(link.scenario, link.variant);
        if (link.camera) w.setCamera(link.camera);
        else if (w.scenario.camera) w.setCamera(w.scenario.camera);
        if (link.timeS !== undefined) w.setTime(link.timeS);
        if (link.compare) await w.setCompare(true);
        restoring = false;
        await w.run();
      }
    } catch (err) {
      const e = err as Error;
      w.panel.setStatus(e instanceof ShareLinkError ? e.message : `share link: ${e.message}`, true);
      host.announce('scenario', 'error');
      console.warn(e);
    } finally {
      restoring = false;
    }
  }

  dispose(): void {
    this.mode?.dispose();
    this.mode = null;
    this.shown.dispose();
  }
}
