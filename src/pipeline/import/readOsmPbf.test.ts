import { deflateSync } from 'node:zlib';
import { PbfWriter } from 'pbf';
import { describe, expect, it } from 'vitest';
import { fileBlock, osmPbfFromData } from '../../../test/fixtures/import/osmPbf';
import { townOsmXml } from '../../../test/fixtures/import/townOsm';
import { ImportReport } from './ImportReport';
import { readOsmPbf } from './readOsmPbf';
import { readOsmXml } from './readOsmXml';

const town = readOsmXml(townOsmXml(), 'town.osm', new ImportReport());
const pbf = osmPbfFromData(town, 20);
const read = (bytes: Uint8Array) => readOsmPbf(bytes, 'town.osm.pbf', new ImportReport());

/** A file block whose Blob claims `rawSize` inflated bytes for a tiny zlib stream. */
function lyingBlock(rawSize: number): Uint8Array {
  const blob = new PbfWriter();
  blob.writeVarintField(2, rawSize);
  blob.writeBytesField(3, deflateSync(new Uint8Array(100)));
  const body = blob.finish();
  const head = new PbfWriter();
  head.writeStringField(1, 'OSMData');
  head.writeVarintField(3, body.length);
  const h = head.finish();
  return new Uint8Array([0, 0, 0, h.length, ...h, ...body]);
}

describe('readOsmPbf', () => {
  it('reads nodes, ways with tags and relations exactly as written', () => {
    const d = read(pbf);
    expect([...d.nodes]).toEqual([...town.nodes].map(([id, [lon, lat]]) => [id, [Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7]]));
    expect(d.ways).toEqual(town.ways);
    expect(d.relations).toEqual(town.relations);
    expect(town.relations.length).toBeGreaterThan(0);
  });

  it('refuses a file truncated at 30, 50, 75 and 95 % naming the file, the block and the byte (it looped before)', () => {
    for (const f of [0.3, 0.5, 0.75, 0.95]) {
      const cut = pbf.subarray(0, Math.floor(pbf.length * f));
      expect(() => read(cut), `${f}`).toThrow(/^town\.osm\.pbf: not a readable OSM PBF file: block \d+ at byte \d+.*truncated/);
    }
  });

  it('refuses a raw_size of 2e9 before allocating it, and a blob that inflates past its raw_size', () => {
    const header = fileBlock('OSMHeader', new Uint8Array(0));
    const t = performance.now();
    expect(() => read(new Uint8Array([...header, ...lyingBlock(2e9)]))).toThrow(/block 2 at byte \d+ \(OSMData\) Blob, byte \d+: raw_size 2000000000 bytes; expected 0 to 33554432/);
    expect(performance.now() - t).toBeLessThan(1000);
    expect(() => read(new Uint8Array([...header, ...lyingBlock(10)]))).toThrow(/zlib data inflates to more than its raw_size of 10 bytes/);
    expect(() => read(new Uint8Array([...header, ...lyingBlock(1000)]))).toThrow(/zlib data inflates to 100 bytes, but raw_size says 1000/);
  });

  it('refuses an empty file, a file that is not PBF and a header requiring an unknown feature', () => {
    expect(() => read(new Uint8Array(0))).toThrow('town.osm.pbf: empty file (expected OSM PBF)');
    expect(() => read(new TextEncoder().encode('<?xml version="1.0"?><osm></osm>'))).toThrow(/block 1 at byte 0: BlobHeader length \d+ bytes; expected at most 65536/);
    const needs = new PbfWriter();
    needs.writeStringField(4, 'OsmSchema-V0.6');
    needs.writeStringField(4, 'Sort.Type_then_ID_v2');
    expect(() => read(fileBlock('OSMHeader', needs.finish()))).toThrow(/requires feature "Sort\.Type_then_ID_v2"/);
  });

  it('gives an error with a place, or a well-formed result, for every single byte flip of a small file', () => {
    let errors = 0;
    for (let i = 0; i < pbf.length; i += 3) {
      const flipped = pbf.slice();
      flipped[i] ^= 0x5a;
      try {
        const d = read(flipped);
        for (const [, [lon, lat]] of d.nodes) expect(Math.abs(lon) <= 180 && Math.abs(lat) <= 90).toBe(true);
        for (const w of d.ways) expect(w.refs.every(Number.isFinite)).toBe(true);
      } catch (err) {
        errors++;
        expect((err as Error).message).toMatch(/^town\.osm\.pbf: not a readable OSM PBF file: block \d+ at byte \d+/);
      }
    }
    expect(errors).toBeGreaterThan(0);
  });
});

describe('readOsmPbf node tags', () => {
  it('collects the tags of tagged dense nodes when asked, and only then', () => {
    const ids = [...town.nodes.keys()];
    const nodeTags = new Map<number, Record<string, string>>([[ids[0], { amenity: 'fire_station', name: '消防站' }], [ids[5], { amenity: 'hospital' }]]);
    const bytes = osmPbfFromData({ ...town, nodeTags }, 20);
    expect(readOsmPbf(bytes, 't.osm.pbf', new ImportReport(), { nodeTags: true }).nodeTags).toEqual(nodeTags);
    expect(read(bytes).nodeTags).toBeUndefined();
  });
});
