/** Severity colours of the Chinese four-colour warning levels (CSS), shared by list, badge and chart. */
export const SEVERITY_COLOURS: Readonly<Record<string, string>> = {
  blue: '#3b82f6', yellow: '#facc15', orange: '#f97316', red: '#ef4444',
};

const CSS = `
.rc-alerts ol { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.rc-alerts .rc-counts { display: flex; gap: 6px; font-size: 12px; }
.rc-alerts .rc-count { padding: 0 6px; border-radius: 9px; color: #0b1016; font-weight: 600; }
.rc-alert { border-left: 4px solid var(--rc-sev, #888); background: #0f1822; border-radius: 4px; padding: 6px 8px; display: grid;
  grid-template-columns: 1fr auto; gap: 2px 8px; outline: none; }
.rc-alert:focus-visible, .rc-alert.rc-focus { box-shadow: 0 0 0 2px var(--accent, #38bdf8); }
.rc-alert .rc-title { font-weight: 600; }
.rc-alert .rc-meta { color: var(--muted, #8b98a5); font-size: 12px; grid-column: 1 / 2; overflow-wrap: anywhere; }
.rc-alert .rc-actions { grid-column: 2; grid-row: 1 / span 3; display: flex; flex-direction: column; gap: 4px; }
.rc-alert[data-state='acknowledged'] { opacity: 0.8; }
.rc-alert[data-state='resolved'] { opacity: 0.5; border-left-style: dashed; }
.rc-sev { display: inline-block; padding: 0 6px; margin-right: 6px; border-radius: 3px; color: #0b1016; background: var(--rc-sev); font-size: 12px; font-weight: 700; }
@keyframes rc-flash { 0%, 100% { background: #0f1822; } 50% { background: var(--rc-sev, #ef4444); } }
.rc-alert.rc-flash { animation: rc-flash 0.5s ease-in-out 6; }
.rc-wall-flash { animation: rc-wall-flash 0.6s ease-in-out 3; }
@keyframes rc-wall-flash { 0%, 100% { box-shadow: inset 0 0 0 0 transparent; } 50% { box-shadow: inset 0 0 0 8px var(--rc-sev, #ef4444); } }
.rc-badge { display: inline-flex; align-items: center; gap: 6px; font-size: 12px; white-space: nowrap; }
.rc-badge .rc-dot { width: 10px; height: 10px; border-radius: 50%; background: var(--rc-state, #888); }
.rc-chart h3 { margin: 0 0 4px; }
.rc-chart .rc-empty { color: var(--muted, #8b98a5); font-size: 12px; margin: 0; }
.rc-chart .u-legend { font-size: 11px; line-height: 1.3; }
.rc-chart .u-legend th { font-weight: 500; }
`;

/** Adds the signs widgets' stylesheet to the document once. */
export function ensureSignsStyles(doc: Document = document): void {
  if (doc.getElementById('rc-signs-styles')) return;
  const style = doc.createElement('style');
  style.id = 'rc-signs-styles';
  style.textContent = CSS;
  doc.head.appendChild(style);
}
