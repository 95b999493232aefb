import type { ImportReport } from './ImportReport';
import type { OsmData, OsmWay } from './OsmData';
import { orientRoad, roadFromTags, type RoadTags } from './roadFromTags';
import type { RoadLine } from './RoadLine';

/** Runs of consecutive nodes present in the file (a way cut by an extract keeps its inside runs). */
function presentRuns(w: OsmWay, data: OsmData): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  for (const r of w.refs) {
    if (data.nodes.has(r)) run.push(r);
    else { if (run.length >= 2) runs.push(run); run = []; }
  }
  if (run.length >= 2) runs.push(run);
  return runs;
}

function toLine(id: string, w: OsmWay, t: RoadTags, refs: number[], data: OsmData): RoadLine {
  const { order: ids, modes } = orientRoad(refs, t);
  return {
    id, name: w.tags.name ?? w.tags.ref ?? '', roadClass: t.roadClass, speedKmh: Math.round(t.speedKmh * 10) / 10,
    oneway: modes.car === 'forward', modes, coordsLonLat: ids.map((r) => data.nodes.get(r)!), nodeIds: ids,
  };
}

/**
 * Road lines of an OSM file: every way with a travelled highway=* class that cars or walkers may
 * use, its car speed (maxspeed or the class default) and per-mode directions (ways one-way against
 * their drawing for cars are reversed, so `oneway` always means first -> last). Ways cut by the
 * extract keep their inside runs. Skips and defaults are reported.
 */
export function osmRoads(data: OsmData, source: string, report: ImportReport): RoadLine[] {
  const out: RoadLine[] = [];
  const defaulted: string[] = [], reversed: string[] = [];
  const skippedByReason = new Map<string, string[]>();
  for (const w of data.ways) {
    const t = roadFromTags(w.tags);
    if (!t) continue;
    const fid = `osm-w${w.id}`;
    if ('skip' in t) { (skippedByReason.get(t.skip) ?? skippedByReason.set(t.skip, []).get(t.skip)!).push(fid); continue; }
    const runs = presentRuns(w, data);
    if (runs.length === 0) {
      report.add({ code: 'missing-nodes', action: 'skipped', source, featureId: fid, message: `fewer than 2 of its ${w.refs.length} nodes are in the file (cut by the extract?)` });
      continue;
    }
    const kept = runs.reduce((n, r) => n + r.length, 0);
    if (kept < w.refs.length) {
      report.add({ code: 'missing-nodes', action: 'repaired', source, featureId: fid, message: `kept ${kept} of ${w.refs.length} nodes in ${runs.length} piece(s); the rest are not in the file` });
    }
    if (t.badMaxspeed !== undefined) {
      report.add({ code: 'bad-maxspeed', action: 'defaulted', source, featureId: fid, message: `maxspeed "${t.badMaxspeed}" unreadable; class default ${t.speedKmh} km/h used` });
    } else if (t.speedDefaulted) defaulted.push(fid);
    if (t.direction === -1) reversed.push(fid);
    runs.forEach((refs, k) => out.push(toLine(runs.length > 1 ? `${fid}-${k + 1}` : fid, w, t, refs, data)));
  }
  report.addBulk('speed-default', 'defaulted', source, defaulted, 'no maxspeed; speed is the class default (motorway 100, primary 60, residential 30 km/h, ...)');
  report.addBulk('oneway-reversed', 'repaired', source, reversed, 'one-way against its drawing for cars (oneway=-1): vertices reversed so the line runs in the direction of travel');
  for (const [reason, ids] of skippedByReason) report.addBulk('not-a-road', 'skipped', source, ids, reason);
  return out;
}
