import { describe, expect, it } from 'vitest';
import { ImportReport } from './ImportReport';
import { readGeoJson } from './readGeoJson';

const square = [[104, 30], [104.001, 30], [104.001, 30.001], [104, 30]];
const collection = (...geometries: unknown[]) => JSON.stringify({
  type: 'FeatureCollection', features: geometries.map((geometry, i) => ({ type: 'Feature', id: `b${i}`, properties: { height: 10 }, geometry })),
});

describe('readGeoJson', () => {
  it('refuses a document that is null, an array or a number, naming the file', () => {
    const r = new ImportReport();
    expect(() => readGeoJson('null', 'a.geojson', r)).toThrow('a.geojson: expected a GeoJSON object at the top level, got null');
    expect(() => readGeoJson('[1]', 'a.geojson', r)).toThrow('a.geojson: expected a GeoJSON object at the top level, got an array');
    expect(() => readGeoJson('7', 'a.geojson', r)).toThrow('a.geojson: expected a GeoJSON object at the top level, got number');
  });

  it('skips features with null, numeric or malformed coordinates, reporting the JSON path (a TypeError ended the import before)', () => {
    const report = new ImportReport();
    const out = readGeoJson(collection(
      { type: 'Polygon', coordinates: [square] },
      { type: 'Polygon', coordinates: null },
      { type: 'Polygon', coordinates: 5 },
      { type: 'Polygon', coordinates: [[square[0], null, square[2], square[3]]] },
      { type: 'LineString', coordinates: 7 },
      { type: 'MultiPolygon', coordinates: [[square], [[[104, '30'], [1, 2], [3, 4]]]] },
      { type: 'MultiLineString', coordinates: [[[104, 30], [104, Infinity]]] },
    ).replace('Infinity', '1e999'), 'a.geojson', report);
    expect(out.buildings.map((b) => b.id)).toEqual(['b0']);
    expect(report.issues.map((i) => [i.featureId, i.code, i.message])).toEqual([
      ['b1', 'bad-geometry', 'features[1].geometry.coordinates: expected a non-empty array of position arrays, got null'],
      ['b2', 'bad-geometry', 'features[2].geometry.coordinates: expected a non-empty array of position arrays, got number 5'],
      ['b3', 'bad-geometry', 'features[3].geometry.coordinates[0][1]: expected a position [x, y], got null'],
      ['b4', 'bad-geometry', 'features[4].geometry.coordinates: expected an array of at least 2 positions, got number 7'],
      ['b5', 'bad-geometry', 'features[5].geometry.coordinates[1][0][0]: expected a position [x, y] of finite numbers, got an array of 2'],
      ['b6', 'bad-geometry', 'features[6].geometry.coordinates[0][1]: expected a position [x, y] of finite numbers, got an array of 2'],
    ]);
  });

  it('skips a feature that is not an object and reads properties that are not an object as {}', () => {
    const report = new ImportReport();
    const text = JSON.stringify({ type: 'FeatureCollection', features: [null, 3, { type: 'Feature', properties: 'tall', geometry: { type: 'Polygon', coordinates: [square] } }] });
    const out = readGeoJson(text, 'a.geojson', report);
    expect(out.buildings).toHaveLength(1);
    expect(report.issues.map((i) => i.message)).toEqual([
      'features[0]: expected a Feature object, got null',
      'features[1]: expected a Feature object, got number',
      'features[2].properties is not an object; read as {}',
    ]);
  });
});
