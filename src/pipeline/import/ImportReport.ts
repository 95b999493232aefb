/** What the importer did with an input item it could not take as it was. */
export type ImportAction = 'skipped' | 'repaired' | 'defaulted' | 'filled' | 'detected' | 'note';

/** One entry of an import report: which file, which feature, what was done and why. */
export interface ImportIssue {
  /** Stable machine-readable reason, e.g. 'self-intersection', 'height-missing', 'dem-nodata'. */
  code: string;
  action: ImportAction;
  /** The input file the item came from. */
  source: string;
  /** The feature (building, road, cell range) concerned, when there is one. */
  featureId?: string;
  message: string;
  /** For one entry standing for many items (defaults applied in bulk): how many, and some ids. */
  count?: number;
  sampleIds?: string[];
}

/** Report of one import: every skipped, repaired or defaulted item, plus per-code counts. */
export interface ImportReportJson {
  issues: ImportIssue[];
  /** Issue counts by `${action}:${code}`. */
  counts: Record<string, number>;
  /** Named figures (buildings read/imported, DEM cells filled, seconds, ...). */
  stats: Record<string, number | string>;
}

/**
 * Collects import issues so nothing silently vanishes: each reader adds one issue per item it
 * skips, repairs or fills in, and the caller gets them all with counts by code.
 */
export class ImportReport {
  readonly issues: ImportIssue[] = [];
  readonly stats: Record<string, number | string> = {};
  private readonly counts = new Map<string, number>();

  add(issue: ImportIssue): void {
    this.issues.push(issue);
    const key = `${issue.action}:${issue.code}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + (issue.count ?? 1));
  }

  /**
   * One entry for a default applied to many items (e.g. heights taken from levels): records the
   * count under the code and up to 20 of the ids. Does nothing for an empty id list.
   */
  addBulk(code: string, action: ImportAction, source: string, ids: string[], message: string): void {
    if (ids.length === 0) return;
    this.add({ code, action, source, message: `${ids.length} item(s): ${message}`, count: ids.length, sampleIds: ids.slice(0, 20) });
  }

  /** Items counted under this code (any action), or under this `action:code` key. */
  count(codeOrKey: string): number {
    if (codeOrKey.includes(':')) return this.counts.get(codeOrKey) ?? 0;
    let n = 0;
    for (const [k, v] of this.counts) if (k.slice(k.indexOf(':') + 1) === codeOrKey) n += v;
    return n;
  }

  /** Records a named figure in `stats`. */
  stat(name: string, value: number | string): void {
    this.stats[name] = value;
  }

  toJSON(): ImportReportJson {
    return { issues: this.issues, counts: Object.fromEntries(this.counts), stats: this.stats };
  }
}
