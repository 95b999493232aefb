import type { DemGrid } from '../../../geo/DemGrid';
import { ResultCache } from '../../../scenario/cache/ResultCache';
import { shippedScenarios } from '../../../scenario/io/shippedScenarios';
import { ScenarioRunner } from '../../../scenario/runner/ScenarioRunner';
import { webWorkerExecutor } from '../../../scenario/runner/webWorkerExecutor';
import { parseShareLink, ShareLinkError } from '../../../scenario/share/shareLink';
import type { CesiumWorkspace } from '../CesiumWorkspace';
import type { OverlayModel } from '../../overlay/OverlayModel';
import { currentShareLink } from './exportScenario';
import { ScenarioWorkspace } from './ScenarioWorkspace';

declare module '../../../app/startWorkspace' {
  interface TwinHandle {
    /** The what-if scenario mode (body[data-scenario="ready"] once a run is shown). */
    scenario?: ScenarioWorkspace;
  }
}

/** The in-browser cache holds results for the session only, so the code version is this build's. */
const BROWSER_CODE_VERSION = 'browser-1';

export interface StartScenariosOptions {
  workspace: CesiumWorkspace;
  overlay: OverlayModel;
  cityUrl: string;
  /** The city's DEM for draping (or its loading promise). */
  dem: DemGrid | null | Promise<DemGrid | null>;
  /** Defaults to #side and #view. */
  side?: HTMLElement;
  viewHost?: HTMLElement;
}

/**
 * Adds the what-if scenario mode to the workspace and restores a share link
 * (`?scenario=ID&variant=NAME&compare=1&t=SECONDS&cam=LON,LAT,HEIGHT,HEADING,PITCH`): selects the
 * scenario and variant, sets the camera, runs the baseline and the variant in Web Workers and
 * shows time t. Once a scenario is in use the URL follows every change, so the address bar is
 * always a share link. Never rejects: a problem is shown in the panel (or the status line), the
 * rest of the workspace carries on.
 */
export async function startScenarios(o: StartScenariosOptions): Promise<ScenarioWorkspace | null> {
  try {
    return await start(o);
  } catch (err) {
    console.error(err);
    document.getElementById('status')!.textContent = `Scenarios unavailable: ${(err as Error).message}`;
    document.body.dataset.scenario = 'error';
    return null;
  }
}

async function start(o: StartScenariosOptions): Promise<ScenarioWorkspace> {
  const dem = await o.dem;
  const runner = new ScenarioRunner({ executor: webWorkerExecutor(), cache: new ResultCache(), codeVersion: BROWSER_CODE_VERSION });
  let restoring = true, engaged = new URLSearchParams(location.search).has('scenario');
  const w = new ScenarioWorkspace({
    viewer: o.workspace.viewer, viewHost: o.viewHost ?? document.getElementById('view')!, overlay: o.overlay,
    side: o.side ?? document.getElementById('side')!, cityUrl: o.cityUrl, dem, scenarios: shippedScenarios(), runner,
    onStateChange: () => {
      engaged ||= w.status !== 'idle';
      if (!restoring && engaged) history.replaceState(history.state, '', currentShareLink(w));
    },
  });
  if (window.twin) window.twin.scenario = w;
  document.body.dataset.scenario = 'idle';
  try {
    const link = parseShareLink(location.search);
    if (link) {
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
    document.body.dataset.scenario = 'error';
    console.warn(e);
  } finally {
    restoring = false;
  }
  return w;
}
