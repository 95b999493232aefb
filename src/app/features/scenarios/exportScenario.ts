import type { Viewer } from 'cesium';
import { kpiCsv } from '../../../scenario/export/kpiCsv';
import { resultGeoJson } from '../../../scenario/export/resultGeoJson';
import { formatShareLink } from '../../../scenario/share/shareLink';
import { download } from '../../../ui/scenario/download';
import type { ScenarioMode } from './ScenarioMode';
import { snapshotPng } from '../../../view/cesium/compare/snapshotPng';

/** The share link of what the workspace shows now (this page's URL with the scenario state). */
export function currentShareLink(w: ScenarioMode): string {
  const s = w.state();
  return formatShareLink(location.href, { scenario: s.scenario, variant: s.variant, compare: s.compare, view: 'workspace', timeS: s.timeS, camera: s.camera });
}

/**
 * Exports from the scenario panel: the KPI table as CSV, the shown runs' layers at the current
 * time as GeoJSON, a PNG of the view (both halves in compare mode), or the share link (copied to
 * the clipboard where allowed, always shown in the status line).
 */
export async function exportScenario(w: ScenarioMode, what: 'csv' | 'geojson' | 'png' | 'link'): Promise<void> {
  const s = w.state(), stem = `${s.scenario}.${s.variant}.t${Math.round(s.timeS)}`;
  if (what === 'csv' && w.rows) download(`${s.scenario}.${s.variant}.kpis.csv`, kpiCsv(w.rows, w.runs.map((r) => r.variant)), 'text/csv');
  else if (what === 'geojson') {
    const features = w.runs.flatMap((r) => resultGeoJson(r, s.timeS).features);
    download(`${stem}.geojson`, JSON.stringify({ type: 'FeatureCollection', features }), 'application/geo+json');
  } else if (what === 'png') {
    const viewers: Viewer[] = w.split ? [w.o.viewer, w.split.right] : [w.o.viewer];
    download(`${stem}.png`, snapshotPng(viewers));
  } else if (what === 'link') {
    const link = currentShareLink(w);
    w.panel.setStatus(`Share link: ${link}`);
    try {
      await navigator.clipboard?.writeText(link);
      w.panel.setStatus(`Share link copied: ${link}`);
    } catch {
      // No clipboard permission (e.g. a headless or insecure page): the link stays in the status line.
    }
  }
}
