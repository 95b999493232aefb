import { INCIDENT_STATUSES, INCIDENT_TYPES } from '../../hub/incidents/Incident';
import type { PublishedIncident } from '../../hub/incidents/IncidentService';
import type { IncidentFilter } from '../../hub/client/HubState';
import { elapsedText, INCIDENT_SEVERITY_COLOURS, slaText, words } from './incidentText';

/**
 * The incident list: filters by owning tier, status and type, then one row per incident (severity
 * colour, id, type, title, status, owner, time since reported, SLA state, overdue flagged). Arrow
 * keys move between rows, Enter opens one. It draws what `show` is given.
 */
export class IncidentList {
  readonly element: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly count: HTMLElement;
  private readonly selects: Record<'ownerTier' | 'status' | 'type', HTMLSelectElement>;

  constructor(parent: HTMLElement, private readonly onFilter: () => void, private readonly onOpen: (id: string) => void) {
    const doc = parent.ownerDocument;
    this.element = doc.createElement('div');
    this.element.className = 'incident-list';
    const opts = (all: string, values: readonly string[]) => `<option value="">${all}</option>${values.map((v) => `<option value="${v}">${words(v)}</option>`).join('')}`;
    this.element.innerHTML = `<div class="incident-filters">
      <select name="incident-tier" aria-label="Owning tier">${opts('all tiers', ['city', 'district', 'street'])}</select>
      <select name="incident-status" aria-label="Status">${opts('open', INCIDENT_STATUSES)}</select>
      <select name="incident-type" aria-label="Type">${opts('all types', INCIDENT_TYPES)}</select></div>
      <p class="muted incident-count" aria-live="polite"></p><ul class="incident-rows" aria-label="Incidents: arrows to move, Enter to open"></ul>`;
    const sel = (n: string) => this.element.querySelector<HTMLSelectElement>(`select[name="${n}"]`)!;
    this.selects = { ownerTier: sel('incident-tier'), status: sel('incident-status'), type: sel('incident-type') };
    for (const s of Object.values(this.selects)) s.addEventListener('change', () => this.onFilter());
    this.list = this.element.querySelector('ul')!;
    this.count = this.element.querySelector('.incident-count')!;
    this.list.addEventListener('keydown', (e) => this.key(e));
    parent.appendChild(this.element);
  }

  /** The filter the selects say (the viewer is added by the caller). */
  filter(): IncidentFilter {
    const { ownerTier, status, type } = this.selects;
    return {
      ...(ownerTier.value ? { ownerTier: [ownerTier.value as 'city'] } : {}),
      ...(status.value ? { status: [status.value as PublishedIncident['status']], open: false } : {}),
      ...(type.value ? { type: [type.value as PublishedIncident['type']] } : {}),
    };
  }

  show(incidents: readonly PublishedIncident[], nowMs: number, selectedId: string | null): void {
    const doc = this.element.ownerDocument;
    const focused = (doc.activeElement as HTMLElement | null)?.dataset?.id;
    this.count.textContent = `${incidents.length} incident${incidents.length === 1 ? '' : 's'}${incidents.some((i) => (i.sla?.overdueS ?? 0) > 0) ? `, ${incidents.filter((i) => (i.sla?.overdueS ?? 0) > 0).length} overdue` : ''}`;
    this.list.replaceChildren(...incidents.map((i) => {
      const li = doc.createElement('li');
      li.tabIndex = 0;
      li.dataset.id = i.id;
      li.dataset.status = i.status;
      li.dataset.owner = i.owner.tier;
      if (i.id === selectedId) li.setAttribute('aria-current', 'true');
      if ((i.sla?.overdueS ?? 0) > 0) li.classList.add('overdue');
      li.innerHTML = `<span class="wall-dot" style="background:${INCIDENT_SEVERITY_COLOURS[i.severity]}"></span><b></b><span class="incident-meta"></span>`;
      li.querySelector('b')!.textContent = `${i.id} · ${words(i.type)} · ${i.title}`;
      li.querySelector('.incident-meta')!.textContent = `${words(i.status)} · ${i.owner.tier} ${i.owner.unitId} · ${elapsedText(i.statusAtMs.reported ?? i.updatedAtMs, nowMs)} · ${slaText(i, nowMs)}`;
      li.addEventListener('click', () => this.onOpen(i.id));
      return li;
    }));
    if (focused) this.list.querySelector<HTMLElement>(`li[data-id="${focused}"]`)?.focus();
  }

  private key(e: KeyboardEvent): void {
    const li = (e.target as HTMLElement).closest('li');
    if (!li) return;
    if (e.key === 'Enter') { this.onOpen(li.dataset.id!); e.preventDefault(); }
    const next = e.key === 'ArrowDown' ? li.nextElementSibling : e.key === 'ArrowUp' ? li.previousElementSibling : null;
    if (next) { (next as HTMLElement).focus(); e.preventDefault(); }
  }

  dispose(): void {
    this.element.remove();
  }
}
