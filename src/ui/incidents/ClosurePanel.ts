import { DEFAULT_FLOOD_DEPTH_M, FLOOD_DEPTH_RANGE_M } from '../../hub/closures/closureCommand';
import type { PublishedClosure } from '../../hub/closures/RoadClosure';
import type { IncidentReply } from '../../hub/incidents/IncidentDesk';
import type { FloodRunMessage } from '../../hub/runs/floodRunMessage';
import { clockText } from './incidentText';

/** What the panel asks of its feature; each resolves with the hub's reply, or rejects with its reason. */
export interface ClosureActs {
  /** Arms the next map click to close the road there (with the reason typed). */
  arm(reason: string): void;
  reopen(closureId: string): Promise<IncidentReply>;
  closeFlooded(run: string, depthM: number, reason: string): Promise<IncidentReply>;
}

/**
 * Road closures in the side panel: "Close road (R)" (then a click on the map), closing the roads a
 * flood run floods deeper than a depth, and the closures open now, each with a Reopen button. All
 * native buttons and inputs, so Tab and Enter reach everything; the hub's answer (what was
 * re-routed, or why it refused) is read out in a live region.
 */
export class ClosurePanel {
  readonly element: HTMLElement;
  private readonly rows: HTMLUListElement;
  private readonly reply: HTMLElement;
  private readonly reason: HTMLInputElement;
  private readonly flood: { button: HTMLButtonElement; depth: HTMLInputElement; label: HTMLElement };
  private run: FloodRunMessage | null = null;

  constructor(parent: HTMLElement, private readonly acts: ClosureActs) {
    const doc = parent.ownerDocument, [lo, hi] = FLOOD_DEPTH_RANGE_M;
    this.element = parent.appendChild(doc.createElement('div'));
    this.element.className = 'closure-panel';
    this.element.innerHTML = `<div class="incident-actions"><button type="button" data-act="close-road">Close road (R)</button>
      <input name="closure-reason" maxlength="500" placeholder="Reason" aria-label="Reason for closing"></div>
      <div class="incident-actions"><button type="button" data-act="close-flooded" disabled>Close flooded roads</button>
      <label>deeper than <input name="closure-depth" type="number" min="${lo}" max="${hi}" step="0.05" value="${DEFAULT_FLOOD_DEPTH_M}" style="width:4.5em"> m</label>
      <span class="muted closure-run"></span></div>
      <p class="incident-reply" role="status" aria-live="polite"></p><ul class="incident-rows closure-rows" aria-label="Road closures open now"></ul>`;
    const q = <T extends HTMLElement>(s: string) => this.element.querySelector<T>(s)!;
    this.reason = q('input[name="closure-reason"]');
    this.rows = q('ul');
    this.reply = q('.incident-reply');
    this.flood = { button: q('button[data-act="close-flooded"]'), depth: q('input[name="closure-depth"]'), label: q('.closure-run') };
    q('button[data-act="close-road"]').addEventListener('click', () => this.acts.arm(this.reason.value.trim()));
    this.flood.button.addEventListener('click', () => {
      const run = this.run, depthM = Number(this.flood.depth.value);
      if (run) void this.ask(`Closing roads flooded deeper than ${depthM} m (the hub runs the flood first)…`, () => this.acts.closeFlooded(run.run, depthM, this.reason.value.trim()));
    });
  }

  /** Draws the closures open now and the flood run offered for closing. */
  show(closures: readonly PublishedClosure[], run: FloodRunMessage | null): void {
    const doc = this.element.ownerDocument;
    this.run = run?.frame ? run : null;
    this.flood.button.disabled = !this.run;
    this.flood.label.textContent = this.run ? `flood run ${this.run.run}, frame ${this.run.frame!.index} (${Math.round(this.run.frame!.timeS / 60)} min)` : 'no flood run shown on the walls';
    this.rows.replaceChildren(...closures.map((c) => {
      const li = doc.createElement('li');
      li.dataset.id = c.id;
      li.dataset.kind = c.kind;
      const what = doc.createElement('span'), meta = doc.createElement('span'), b = doc.createElement('button');
      what.textContent = `${c.kind === 'flood' ? 'Flooded: ' : ''}${c.roads.join(', ') || 'unnamed road'} (${c.segmentsLonLat.length / 4} segment${c.segmentsLonLat.length === 4 ? '' : 's'})`;
      meta.className = 'incident-meta';
      meta.textContent = `${c.id} · by ${c.by.username} (${c.by.tier}) at ${clockText(c.atMs)}${c.reason ? ` · ${c.reason}` : ''}${c.incidentId ? ` · for ${c.incidentId}` : ''}`;
      b.type = 'button';
      b.textContent = 'Reopen';
      b.setAttribute('aria-label', `Reopen ${what.textContent}, ${c.id}`);
      b.addEventListener('click', () => void this.ask(`Reopening ${c.id}…`, () => this.acts.reopen(c.id)));
      li.append(what, b, meta);
      return li;
    }));
    if (!closures.length) { const li = doc.createElement('li'); li.className = 'muted'; li.textContent = 'No road is closed.'; this.rows.append(li); }
  }

  /** The reason typed (for a closure armed from the keyboard). */
  reasonText(): string {
    return this.reason.value.trim();
  }

  /** Shows the outcome of a close or reopen: what it re-routed, or the hub's reason. */
  say(text: string, state: 'ok' | 'refused' | 'waiting'): void {
    this.reply.textContent = text;
    this.reply.dataset.state = state;
  }

  private async ask(waiting: string, send: () => Promise<IncidentReply>): Promise<void> {
    this.say(waiting, 'waiting');
    try {
      this.say(closureReplyText(await send()), 'ok');
    } catch (err) {
      this.say(`Refused: ${(err as Error).message}`, 'refused');
    }
  }

  dispose(): void {
    this.element.remove();
  }
}

/** "close road CLO-...: done; B1 re-routed, ETA 08:10:05 → 08:12:40; B2 stopped: no route". */
export function closureReplyText(r: IncidentReply): string {
  const moved = (r.rerouted ?? []).map((v) => (v.etaAfterMs === null ? `${v.vehicleId} stopped: no route to ${v.incidentId}` : `${v.vehicleId} re-routed, ETA ${v.etaBeforeMs === null ? 'none' : clockText(v.etaBeforeMs)} → ${clockText(v.etaAfterMs)}`));
  return `${(r.action ?? 'closure').replace(/_/g, ' ')} ${r.closureId ?? ''}: done${moved.length ? `; ${moved.join('; ')}` : '; no vehicle under way was concerned'}.`;
}
