import { describe, expect, it } from 'vitest';
import type { UnplacedIssue } from '../../schema/SchemaValidator';
import { CityPackageError } from './CityPackageError';
import type { PackageReader } from './PackageReader';
import { readGeoJsonPart } from './readGeoJsonPart';

const feature = (i: number) => ({ type: 'Feature', id: `B${i}`, properties: { name: `楼 ${i}` }, geometry: { type: 'Point', coordinates: [104 + i / 1000, 30.6] } });
/** The pipeline's layout (featureCollectionText / writeFeatureCollection): one feature per line. */
const lineText = (n: number) => `{"type":"FeatureCollection","features":[\n${Array.from({ length: n }, (_, i) => JSON.stringify(feature(i))).join(',\n')}\n]}\n`;
const reader = (text: string): PackageReader => ({
  location: 'pkg', text: async () => text, bytes: async () => new TextEncoder().encode(text),
});
const features = (doc: unknown) => ({ features: (doc as { features: unknown[] }).features, issues: [] as UnplacedIssue[] });

describe('readGeoJsonPart', () => {
  it('reads a file larger than one JSON text may be line by line, to the same features', async () => {
    const text = lineText(5);
    const whole = await readGeoJsonPart(reader(text), 'b.geojson', features);
    const byLine = await readGeoJsonPart(reader(text), 'b.geojson', features, 100);
    expect(byLine.features).toHaveLength(5);
    expect(byLine).toEqual(whole);
  });

  it('places the issues of a large file on their feature lines', async () => {
    const convert = () => ({ issues: [{ pointer: '/features/3/properties/name', expected: 'a name' }] as UnplacedIssue[] });
    const err = await readGeoJsonPart(reader(lineText(5)), 'b.geojson', convert, 100).catch((e: unknown) => e) as CityPackageError;
    expect(err).toBeInstanceOf(CityPackageError);
    expect(err.issues).toEqual([{ pointer: '/features/3/properties/name', expected: 'a name', line: 5, column: 1 }]);
  });

  it('refuses a large file in another layout, or with a broken line, naming the line and why', async () => {
    const pretty = JSON.stringify({ type: 'FeatureCollection', features: [feature(0), feature(1)] }, null, 2);
    await expect(readGeoJsonPart(reader(pretty), 'b.geojson', features, 100))
      .rejects.toThrow(/pkg\/b\.geojson:1:1.*one feature per line.*more than one JSON text may be/);
    const broken = lineText(4).replace('"B2"', '"B2');
    await expect(readGeoJsonPart(reader(broken), 'b.geojson', features, 100)).rejects.toThrow(/pkg\/b\.geojson:4:1.*\/features\/2.*one whole GeoJSON feature/);
    await expect(readGeoJsonPart(reader(lineText(3).replace(']}\n', '')), 'b.geojson', features, 100)).rejects.toThrow(/closing \]\}/);
  });
});
