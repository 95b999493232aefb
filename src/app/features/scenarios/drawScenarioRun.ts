import { resultLayerToOverlay, SCENARIO_OVERLAY_PREFIX } from '../../../scenario/layers/toOverlayLayers';
import { frameAt } from '../../../scenario/run/frameTimes';
import type { RunResult } from '../../../scenario/run/RunResult';
import type { OverlayModel } from '../../../view/overlay/OverlayModel';

/** What each overlay model shows per scenario layer: run hash and frame, so unchanged layers are not rebuilt. */
const drawn = new WeakMap<OverlayModel, Map<string, string>>();

/**
 * Replaces the scenario layers of an overlay model with a run's layers at time t (none for no
 * run); `share`: the city's other displays (the wall) mirror them.
 */
export function drawScenarioRun(overlay: OverlayModel, run: RunResult | undefined, tS: number, share: boolean): void {
  const frame = run ? frameAt(run.timeline.timesS, tS) : 0;
  const shown = drawn.get(overlay) ?? new Map<string, string>();
  drawn.set(overlay, shown);
  const keep = new Set<string>();
  for (const l of run?.layers ?? []) {
    const key = `${run!.hash}|${l.frames ? frame : 'static'}`;
    for (const [id, layer] of resultLayerToOverlay(l, frame)) {
      keep.add(id);
      if (shown.get(id) !== key) { overlay.set(id, layer, { share }); shown.set(id, key); }
    }
  }
  for (const id of overlay.ids()) {
    if (id.startsWith(SCENARIO_OVERLAY_PREFIX) && !keep.has(id)) { overlay.remove(id); shown.delete(id); }
  }
}
