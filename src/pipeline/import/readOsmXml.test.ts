import { describe, expect, it } from 'vitest';
import { townOsmXml } from '../../../test/fixtures/import/townOsm';
import { ImportReport } from './ImportReport';
import { readOsmXml } from './readOsmXml';

const town = townOsmXml();
const read = (xml: string, report = new ImportReport()) => readOsmXml(xml, 'town.osm', report);

describe('readOsmXml', () => {
  it('reads the town, decoding entity and character references', () => {
    const d = read(town.replace('v="school"', 'v="&lt;b&gt; &#x6210;&#37117; &amp; co"'));
    expect(d.ways.length).toBeGreaterThan(10);
    expect(d.relations.length).toBe(1);
    expect([...d.ways, ...d.relations].flatMap((e) => Object.values(e.tags))).toContain('<b> 成都 & co');
  });

  it('refuses a file cut at 50 % (it imported 1 of 8 buildings silently before), naming the line and the open element', () => {
    const half = town.slice(0, Math.floor(town.length / 2));
    expect(() => read(half)).toThrow(/^town\.osm: (line \d+, column \d+: truncated: the file ends inside the start tag <\w+>|truncated: the file ends at line \d+, column \d+ inside <osm> > <\w+ id="\d+">)/);
    const atElement = town.slice(0, town.indexOf('<way'));
    expect(() => read(atElement)).toThrow(/^town\.osm: truncated: the file ends at line \d+, column \d+ inside <osm> \(no closing <\/osm>\)$/);
  });

  it('names the line of a character reference that is not a character, and of broken markup', () => {
    const lineOf = (s: string, needle: string) => s.slice(0, s.indexOf(needle)).split('\n').length;
    const bad = town.replace('v="school"', 'v="&#x110000;"');
    expect(() => read(bad)).toThrow(`town.osm: line ${lineOf(bad, '&#x110000;')}, column`);
    expect(() => read(bad)).toThrow(/character reference &#x110000; names U\+110000, which is not an XML character/);
    expect(() => read(town.replace('</way>', '</wax>'))).toThrow(/line \d+, column \d+: <\/wax> where <way id="\d+"> must be closed first/);
    expect(() => read(town.replace('<tag k="building"', '<tag k=building'))).toThrow(/line \d+, column \d+: malformed start tag <tag>/);
    expect(() => read(town.replace('<nd ref', 'x<nd ref'))).toThrow(/line \d+, column \d+: unexpected text "x" inside <way id="\d+">/);
    expect(() => read(town.replace('v="school"', 'v="a & b"'))).toThrow(/"&" that starts no entity reference/);
    expect(() => read(town + '<node id="9"/>')).toThrow(/an element after the closing <\/osm>/);
  });

  it('still reports (and skips) elements with unusable ids or coordinates', () => {
    const report = new ImportReport();
    read(town.replace(/<node id="1" lat="[^"]*"/, '<node id="1" lat="north"'), report);
    expect(report.count('bad-node')).toBe(1);
  });
});

describe('readOsmXml node tags', () => {
  it('collects the tags of tagged nodes when asked, entities decoded', () => {
    const xml = town.replace(/<node id="1" ([^>]*)\/>/, '<node id="1" $1><tag k="amenity" v="fire_station"/><tag k="name" v="A &amp; B"/></node>');
    expect(read(xml).nodeTags).toBeUndefined();
    expect(readOsmXml(xml, 'town.osm', new ImportReport(), { nodeTags: true }).nodeTags).toEqual(new Map([[1, { amenity: 'fire_station', name: 'A & B' }]]));
  });
});
