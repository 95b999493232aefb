import type { EpidemicCells } from './EpidemicCells';
import type { MobilityMatrix } from './MobilityMatrix';
import type { EpidemicIntervention } from './SeirParams';

/**
 * The interventions in force on one day turned into what the solver uses: a contact factor per
 * cell and the mobility weights with closed cells cut off (their residents' time, and the time
 * others would have spent in them, goes back to each person's own cell). Buffers are reused day
 * after day; an unknown community id is a caller mistake and throws.
 */
export class DailyPolicy {
  /** Factor on the contact rate per cell (1: no measure). */
  readonly contactFactor: Float64Array;
  /** Effective mobility weights, parallel to the matrix's entries. */
  readonly weight: Float64Array;
  /** 1 for cells closed today. */
  readonly closed: Uint8Array;
  private readonly cellsOf: Array<Uint32Array | null>;

  constructor(private readonly cells: EpidemicCells, private readonly mobility: MobilityMatrix, private readonly interventions: EpidemicIntervention[]) {
    this.contactFactor = new Float64Array(cells.count);
    this.weight = new Float64Array(mobility.weight.length);
    this.closed = new Uint8Array(cells.count);
    const byCommunity = new Map<string, number[]>();
    cells.communityIds.forEach((c, k) => (byCommunity.get(c) ?? byCommunity.set(c, []).get(c)!).push(k));
    this.cellsOf = interventions.map((iv, n) => {
      if (!iv.communityIds) return null;
      const list: number[] = [];
      for (const id of iv.communityIds) {
        const cs = byCommunity.get(id);
        if (!cs) throw new Error(`SeirParams: interventions[${n}].communityIds names "${id}", which is no community of the cells`);
        list.push(...cs);
      }
      return Uint32Array.from(list);
    });
  }

  /** Sets the buffers for day d (0-based). */
  apply(day: number): void {
    this.contactFactor.fill(1);
    this.closed.fill(0);
    this.interventions.forEach((iv, n) => {
      if (day < iv.fromDay || (iv.toDay !== undefined && day >= iv.toDay)) return;
      const f = iv.kind === 'closeCommunities' ? iv.contactFactor ?? 0.3 : iv.factor, list = this.cellsOf[n];
      if (list) for (const k of list) { this.contactFactor[k] *= f; if (iv.kind === 'closeCommunities') this.closed[k] = 1; }
      else for (let k = 0; k < this.cells.count; k++) this.contactFactor[k] *= f;
    });
    const { rowOffsets, dest, weight } = this.mobility;
    for (let i = 0; i < this.cells.count; i++) {
      const a = rowOffsets[i], b = rowOffsets[i + 1];
      let home = weight[a];
      for (let e = a + 1; e < b; e++) {
        const cut = this.closed[i] || this.closed[dest[e]];
        this.weight[e] = cut ? 0 : weight[e];
        if (cut) home += weight[e];
      }
      this.weight[a] = home;
    }
  }
}
