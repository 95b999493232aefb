import type { IncidentAction } from '../../hub/incidents/incidentCommand';
import type { DispatchProposal } from '../../hub/incidents/IncidentDispatcher';
import type { PublishedIncident } from '../../hub/incidents/IncidentService';
import type { IncidentAssignment } from '../../hub/incidents/Incident';
import { clockText, elapsedText, slaText, stepText, words } from './incidentText';

/** What the detail asks of the hub: an action with its fields; resolves with the proposal for `propose`. */
export type IncidentAct = (action: IncidentAction, fields: { text?: string; vehicleIds?: string[] }) => Promise<DispatchProposal | undefined>;

/** The lifecycle buttons each status offers (escalate, hand down and note are always there). */
const NEXT: Record<string, IncidentAction[]> = {
  reported: ['triage'], triaged: ['propose', 'resolve'], dispatched: ['on_scene', 'propose', 'resolve'], on_scene: ['resolve', 'propose'], resolved: ['close'], closed: [],
};
const LABEL: Partial<Record<IncidentAction, string>> = { propose: 'Propose units', on_scene: 'On scene', hand_down: 'Hand down' };

/**
 * One incident in the detail drawer: what, where, who owns it, SLA state, the vehicles sent (with
 * ETA and arrival), the timeline (every step, who and when), and the actions its status allows:
 * lifecycle steps, a dispatch proposal to confirm (vehicles ticked by default), escalate, hand
 * down and a note. A refusal from the hub shows its reason in the drawer.
 */
export class IncidentDetail {
  readonly element: HTMLElement;
  private readonly reply: HTMLElement;
  private proposal: DispatchProposal | null = null;
  /** Vehicles of the shown proposal the operator unticked: the box is rebuilt at each refresh. */
  private readonly unticked = new Set<string>();
  /** The action buttons and the note field, kept across refreshes (see show). */
  private readonly actionBox: HTMLElement;
  private readonly note: HTMLInputElement;
  private actionsKey = '';
  private current: PublishedIncident | null = null;

  constructor(private readonly act: IncidentAct) {
    this.element = document.createElement('div');
    this.element.className = 'incident-detail';
    this.reply = document.createElement('p');
    this.reply.className = 'incident-reply';
    this.reply.setAttribute('role', 'alert');
    this.actionBox = document.createElement('div');
    this.actionBox.className = 'incident-actions';
    this.note = document.createElement('input');
    this.note.name = 'incident-note';
    this.note.placeholder = 'Note or reason';
    this.note.maxLength = 500;
    this.note.setAttribute('aria-label', 'Note or reason for the action');
  }

  show(i: PublishedIncident, nowMs: number): void {
    const doc = this.element.ownerDocument;
    if (this.element.dataset.id !== i.id) { this.reply.textContent = ''; delete this.reply.dataset.state; this.note.value = ''; }
    this.current = i;
    const head = doc.createElement('dl');
    const row = (k: string, v: string) => { const dt = doc.createElement('dt'), dd = doc.createElement('dd'); dt.textContent = k; dd.textContent = v; dd.dataset.field = k; head.append(dt, dd); };
    row('type', `${words(i.type)}, ${i.severity}`);
    row('status', `${words(i.status)} (${elapsedText(i.statusAtMs.reported ?? i.updatedAtMs, nowMs)} since reported)`);
    row('owner', `${i.owner.tier} centre, ${i.owner.unitId}`);
    row('where', `${i.lonLat[1].toFixed(5)}, ${i.lonLat[0].toFixed(5)} · unit ${i.unitId}`);
    row('SLA', slaText(i, nowMs));
    row('source', i.source.kind === 'alert' ? `alert ${i.source.alertId}` : i.source.kind === 'hotline' ? `12345 case ${i.source.caseId}: ${i.source.callerText}` : 'by hand');
    const units = doc.createElement('ul');
    units.className = 'incident-units';
    for (const a of i.assignments) {
      const li = doc.createElement('li');
      li.dataset.vehicle = a.vehicleId;
      li.textContent = `${a.vehicleId} (${words(a.kind)}) from ${a.stationId}: ${unitState(a)}`;
      units.append(li);
    }
    const timeline = doc.createElement('ol');
    timeline.className = 'incident-timeline';
    for (const s of i.timeline) { const li = doc.createElement('li'); li.textContent = stepText(s); timeline.append(li); }
    const h = (t: string) => { const e = doc.createElement('h4'); e.textContent = t; return e; };
    this.updateActions(i);
    // The detail is shown again at every change of any incident and every 5 s: the rest is rebuilt, but the
    // action box stays in place (moving it would blur the note being typed and detach the button being clicked).
    const focused = doc.activeElement instanceof HTMLInputElement && doc.activeElement.name === 'vehicle' && this.element.contains(doc.activeElement) ? doc.activeElement.value : null;
    const proposalBox = this.proposalBox(i);
    const rest = [proposalBox, this.reply, h(`Units (${i.assignments.length})`), units, h('Timeline'), timeline];
    if (this.actionBox.parentNode !== this.element) this.element.replaceChildren(head, this.actionBox, ...rest);
    else {
      while (this.actionBox.previousSibling) this.actionBox.previousSibling.remove();
      while (this.actionBox.nextSibling) this.actionBox.nextSibling.remove();
      this.actionBox.before(head);
      this.actionBox.after(...rest);
    }
    // A keyboard user ticking the proposal keeps the focus on the same vehicle across the refresh.
    if (focused) proposalBox.querySelector<HTMLInputElement>(`input[name=vehicle][value="${CSS.escape(focused)}"]`)?.focus();
    this.element.dataset.id = i.id;
    this.element.dataset.status = i.status;
  }

  /** Rebuilds the buttons only when the actions change (another incident, a new status); the note field is kept. */
  private updateActions(i: PublishedIncident): void {
    const key = `${i.id}|${i.status}`;
    if (key === this.actionsKey) return;
    this.actionsKey = key;
    const doc = this.element.ownerDocument;
    const buttons = ([...NEXT[i.status], 'escalate', 'hand_down', 'note'] as IncidentAction[]).map((action) => {
      const b = doc.createElement('button');
      b.type = 'button';
      b.dataset.action = action;
      b.textContent = LABEL[action] ?? words(action).replace(/^./, (c) => c.toUpperCase());
      b.addEventListener('click', () => { if (this.current) void this.run(this.current, action, this.note.value.trim()); });
      return b;
    });
    for (const b of [...this.actionBox.querySelectorAll('button')]) b.remove();
    this.actionBox.prepend(...buttons);
    if (!this.note.parentNode) this.actionBox.append(this.note);
  }

  private proposalBox(i: PublishedIncident): HTMLElement {
    const doc = this.element.ownerDocument;
    const box = doc.createElement('div');
    box.className = 'incident-proposal';
    const p = this.proposal;
    if (!p || p.incidentId !== i.id) return box;
    const list = p.vehicles.map((v) => `<label><input type="checkbox" name="vehicle" value="${v.vehicleId}"${this.unticked.has(v.vehicleId) ? '' : ' checked'}> ${v.vehicleId} (${words(v.kind)}) from ${v.stationId}: ETA ${Math.floor(v.etaS / 60)} min</label>`).join('');
    box.innerHTML = `<p>Proposed for ${Object.entries(p.requirements).map(([k, n]) => `${n} x ${words(k)}`).join(', ')}${p.unfilled.length ? `; not filled: ${p.unfilled.map((u) => `${u.missing} x ${words(u.kind)}`).join(', ')}` : ''}</p>${list}<button type="button" data-action="dispatch">Dispatch ticked</button>`;
    box.addEventListener('change', (e) => {
      const c = e.target as HTMLInputElement;
      if (c.name === 'vehicle') { if (c.checked) this.unticked.delete(c.value); else this.unticked.add(c.value); }
    });
    box.querySelector('button')!.addEventListener('click', () => {
      const ids = [...box.querySelectorAll<HTMLInputElement>('input[name=vehicle]:checked')].map((c) => c.value);
      void this.run(i, 'dispatch', '', ids);
    });
    return box;
  }

  private async run(i: PublishedIncident, action: IncidentAction, text: string, vehicleIds?: string[]): Promise<void> {
    this.reply.textContent = `${words(action)}…`;
    this.reply.dataset.state = 'waiting';
    try {
      const proposal = await this.act(action, { ...(text ? { text } : {}), ...(vehicleIds ? { vehicleIds } : {}) });
      if (action === 'propose') { this.proposal = proposal ?? null; this.unticked.clear(); }
      if (action === 'dispatch') { this.proposal = null; this.unticked.clear(); }
      this.reply.textContent = action === 'propose' && proposal ? `${proposal.vehicles.length} vehicles proposed: untick any you do not send.` : `${words(action)}: done.`;
      this.reply.dataset.state = 'ok';
      if (action === 'propose') this.element.querySelector('.incident-proposal')?.replaceWith(this.proposalBox(i));
    } catch (err) {
      this.reply.textContent = `Refused: ${(err as Error).message}`;
      this.reply.dataset.state = 'refused';
    }
  }
}

/** Where a sent vehicle stands: on scene, released, re-routed (new ETA) or stopped by closures, or its planned ETA. */
function unitState(a: IncidentAssignment): string {
  if (a.arrivedAtMs) return 'on scene';
  if (a.releasedAtMs) return 'released';
  if (a.rerouted) return a.rerouted.etaMs === null ? 'stopped: road closures leave it no route' : `re-routed, ETA ${clockText(a.rerouted.etaMs)}`;
  return a.etaS === null ? 'on the way' : `ETA ${Math.floor(a.etaS / 60)} min ${String(Math.round(a.etaS % 60)).padStart(2, '0')} s`;
}
