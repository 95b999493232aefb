import type { OsmData, OsmMember, OsmTags } from '../OsmData';
import { BYTES, ProtoReader } from './ProtoReader';

/** Called for a node whose coordinates are outside WGS84 (it is not kept). */
export type BadNode = (id: number, where: string, message: string) => void;

interface BlockContext {
  strings: string[];
  /** Coordinate unit (nanodegrees) and offsets (nanodegrees). */
  granularity: number;
  latOffset: number;
  lonOffset: number;
  out: OsmData;
  badNode: BadNode;
}

const MEMBER_TYPES: ReadonlyArray<OsmMember['type']> = ['node', 'way', 'relation'];

function stringAt(c: BlockContext, r: ProtoReader, k: number): string {
  if (!(k >= 0 && k < c.strings.length)) r.fail(`string index ${k} outside the block's string table of ${c.strings.length}`);
  return c.strings[k];
}

function tagsOf(c: BlockContext, r: ProtoReader, keys: number[], vals: number[]): OsmTags {
  if (keys.length !== vals.length) r.fail(`${keys.length} tag keys but ${vals.length} values`);
  const tags: OsmTags = {};
  for (let i = 0; i < keys.length; i++) tags[stringAt(c, r, keys[i])] = stringAt(c, r, vals[i]);
  return tags;
}

/** Records a node's tags when the caller collects them (keys and values are string-table indices). */
function addNodeTags(c: BlockContext, r: ProtoReader, id: number, keys: number[], vals: number[]): void {
  if (c.out.nodeTags && keys.length) c.out.nodeTags.set(id, tagsOf(c, r, keys, vals));
}

/** Dense node tags: (key, value)* 0 per node, in node order. */
function denseTags(c: BlockContext, r: ProtoReader, ids: number[], keysVals: number[]): void {
  let k = 0;
  for (const id of ids) {
    const keys: number[] = [], vals: number[] = [];
    for (; k < keysVals.length && keysVals[k] !== 0; k += 2) {
      if (k + 1 >= keysVals.length) r.fail(`dense node ${id}: a tag key without a value in keys_vals`);
      keys.push(keysVals[k]); vals.push(keysVals[k + 1]);
    }
    if (k >= keysVals.length) r.fail(`dense nodes: keys_vals ends before node ${id}'s 0 terminator`);
    k++;
    addNodeTags(c, r, id, keys, vals);
  }
}

function addNode(c: BlockContext, id: number, lat: number, lon: number, where: string): void {
  const latDeg = (c.latOffset + c.granularity * lat) / 1e9, lonDeg = (c.lonOffset + c.granularity * lon) / 1e9;
  if (Math.abs(latDeg) <= 90 && Math.abs(lonDeg) <= 180) c.out.nodes.set(id, [lonDeg, latDeg]);
  else c.badNode(id, where, `node outside WGS84 (lat ${latDeg}, lon ${lonDeg})`);
}

function dense(c: BlockContext, r: ProtoReader): void {
  const ids: number[] = [], lats: number[] = [], lons: number[] = [], keysVals: number[] = [];
  while (r.next()) {
    if (r.field === 1) r.repeated(ids, 'sint', true);
    else if (r.field === 8) r.repeated(lats, 'sint', true);
    else if (r.field === 9) r.repeated(lons, 'sint', true);
    else if (r.field === 10 && c.out.nodeTags) r.repeated(keysVals, 'int');
    else r.skip();
  }
  if (ids.length !== lats.length || ids.length !== lons.length) r.fail(`dense nodes with ${ids.length} ids, ${lats.length} latitudes and ${lons.length} longitudes (expected as many of each)`);
  for (let i = 0; i < ids.length; i++) addNode(c, ids[i], lats[i], lons[i], r.where);
  if (keysVals.length) denseTags(c, r, ids, keysVals);
}

function node(c: BlockContext, r: ProtoReader): void {
  let id = NaN, lat = NaN, lon = NaN;
  const keys: number[] = [], vals: number[] = [];
  while (r.next()) {
    if (r.field === 1) id = r.sint();
    else if (r.field === 2) r.repeated(keys, 'uint');
    else if (r.field === 3) r.repeated(vals, 'uint');
    else if (r.field === 8) lat = r.sint();
    else if (r.field === 9) lon = r.sint();
    else r.skip();
  }
  if (Number.isNaN(id) || Number.isNaN(lat) || Number.isNaN(lon)) r.fail('node without id, lat or lon');
  addNode(c, id, lat, lon, r.where);
  addNodeTags(c, r, id, keys, vals);
}

function way(c: BlockContext, r: ProtoReader): void {
  let id = NaN;
  const keys: number[] = [], vals: number[] = [], refs: number[] = [];
  while (r.next()) {
    if (r.field === 1) id = r.int();
    else if (r.field === 2) r.repeated(keys, 'uint');
    else if (r.field === 3) r.repeated(vals, 'uint');
    else if (r.field === 8) r.repeated(refs, 'sint', true);
    else r.skip();
  }
  if (Number.isNaN(id)) r.fail('way without an id');
  c.out.ways.push({ id, refs, tags: tagsOf(c, r, keys, vals) });
}

function relation(c: BlockContext, r: ProtoReader): void {
  let id = NaN;
  const keys: number[] = [], vals: number[] = [], roles: number[] = [], refs: number[] = [], types: number[] = [];
  while (r.next()) {
    if (r.field === 1) id = r.int();
    else if (r.field === 2) r.repeated(keys, 'uint');
    else if (r.field === 3) r.repeated(vals, 'uint');
    else if (r.field === 8) r.repeated(roles, 'int');
    else if (r.field === 9) r.repeated(refs, 'sint', true);
    else if (r.field === 10) r.repeated(types, 'uint');
    else r.skip();
  }
  if (Number.isNaN(id)) r.fail('relation without an id');
  if (roles.length !== refs.length || types.length !== refs.length) r.fail(`relation ${id}: ${refs.length} members, ${roles.length} roles and ${types.length} types (expected as many of each)`);
  const members = refs.map((ref, k): OsmMember => {
    const type = MEMBER_TYPES[types[k]];
    if (!type) r.fail(`relation ${id}: member type ${types[k]} (expected 0 node, 1 way or 2 relation)`);
    return { type, ref, role: stringAt(c, r, roles[k]) };
  });
  c.out.relations.push({ id, members, tags: tagsOf(c, r, keys, vals) });
}

function group(c: BlockContext, r: ProtoReader): void {
  while (r.next()) {
    if (r.wire !== BYTES) r.skip();
    else if (r.field === 1) node(c, r.message('node'));
    else if (r.field === 2) dense(c, r.message('dense nodes'));
    else if (r.field === 3) way(c, r.message('way'));
    else if (r.field === 4) relation(c, r.message('relation'));
    else r.skip(); // changesets and future element kinds carry no geometry
  }
}

/**
 * Decodes one PrimitiveBlock (decompressed) into `out`: dense and plain nodes (WGS84 degrees from
 * granularity and offsets; their tags when `out.nodeTags` exists), ways with tags and refs,
 * relations with members (delta codes summed).
 * Inconsistent lengths or string indices throw naming `where` and the byte; a node outside
 * WGS84 goes to `badNode`.
 */
export function readPrimitiveBlock(data: Uint8Array, where: string, out: OsmData, badNode: BadNode): void {
  const r = new ProtoReader(data, `${where} PrimitiveBlock`);
  const c: BlockContext = { strings: [], granularity: 100, latOffset: 0, lonOffset: 0, out, badNode };
  const groups: ProtoReader[] = [];
  while (r.next()) {
    if (r.field === 1 && r.wire === BYTES) {
      const t = r.message('string table');
      while (t.next()) if (t.field === 1 && t.wire === BYTES) c.strings.push(t.string()); else t.skip();
    } else if (r.field === 2 && r.wire === BYTES) groups.push(r.message(`group ${groups.length + 1}`));
    else if (r.field === 17) c.granularity = r.int();
    else if (r.field === 19) c.latOffset = r.int();
    else if (r.field === 20) c.lonOffset = r.int();
    else r.skip();
  }
  if (!(c.granularity > 0)) r.fail(`granularity ${c.granularity}; expected a positive number of nanodegrees`);
  for (const g of groups) group(c, g);
}
