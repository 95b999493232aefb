const CSS = `
.scenario-panel label { display: block; margin: 4px 0; }
.scenario-panel select { width: 100%; margin-top: 2px; }
.scenario-panel .sc-row { display: flex; gap: 6px; align-items: center; margin: 6px 0; flex-wrap: wrap; }
.scenario-panel .sc-row label { display: inline-flex; gap: 4px; margin: 0; align-items: center; }
.scenario-panel progress { width: 100%; }
.scenario-panel .sc-status { color: var(--muted, #8b98a5); font-size: 12px; margin: 2px 0; min-height: 1em; }
.scenario-panel .sc-status[data-error] { color: #fca5a5; }
.scenario-panel .sc-desc { font-size: 12px; color: var(--muted, #8b98a5); margin: 0 0 6px; max-height: 5.5em; overflow: auto; }
.sc-kpis { width: 100%; border-collapse: collapse; font-size: 12px; font-variant-numeric: tabular-nums; }
.sc-kpis caption { text-align: left; color: var(--muted, #8b98a5); padding-bottom: 2px; }
.sc-kpis th, .sc-kpis td { padding: 2px 4px; border-bottom: 1px solid #243241; text-align: right; }
.sc-kpis th[scope='row'] { text-align: left; font-weight: normal; }
.sc-kpis td[data-better='variant'] { color: #86efac; }
.sc-kpis td[data-better='baseline'] { color: #fca5a5; }
.sc-timeline { position: fixed; left: 12px; right: 360px; bottom: 36px; z-index: 6; display: flex; gap: 8px; align-items: center;
  background: var(--panel, rgba(16, 24, 33, 0.92)); border: 1px solid #243241; border-radius: 8px; padding: 6px 10px; }
.sc-timeline input[type='range'] { flex: 1; }
.sc-timeline output { min-width: 13em; font-variant-numeric: tabular-nums; font-size: 12px; }
.sc-timeline .sc-values { font-size: 11px; color: var(--muted, #8b98a5); max-width: 40%; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.sc-compare-right { position: fixed; top: 44px; bottom: 28px; right: 0; left: 50%; border-left: 2px solid #38bdf8; }
.sc-compare-right .cesium-widget, .sc-compare-right canvas { width: 100%; height: 100%; }
.sc-compare-label { position: fixed; top: 52px; z-index: 7; padding: 2px 8px; border-radius: 4px; font-size: 12px; background: #0b1016cc; color: #e6edf3; pointer-events: none; }
`;

/** Adds the scenario widgets' stylesheet to the document once. */
export function ensureScenarioStyles(doc: Document = document): void {
  if (doc.getElementById('sc-styles')) return;
  const style = doc.createElement('style');
  style.id = 'sc-styles';
  style.textContent = CSS;
  doc.head.appendChild(style);
}
