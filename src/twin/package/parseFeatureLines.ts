import { CityPackageError } from './CityPackageError';

const HEADER = '{"type":"FeatureCollection","features":[';
const FOOTER = ']}';

/** A FeatureCollection parsed line by line, and the 1-based line each feature came from. */
export interface FeatureLines {
  doc: { type: 'FeatureCollection'; features: unknown[] };
  featureLine: Uint32Array;
}

/**
 * Parses a GeoJSON FeatureCollection laid out as the pipeline writes it (writeFeatureCollection,
 * featureCollectionText): the line `{"type":"FeatureCollection","features":[`, one feature per line
 * (a comma after all but the last), then `]}`. Each line is decoded and parsed on its own, so the
 * file never becomes one string: V8 holds at most 2^29 - 24 UTF-16 units in one, and a city of
 * 10^6 buildings writes ~560 million of them. Throws CityPackageError naming the line when the
 * layout or a line's JSON is not as expected.
 */
export function parseFeatureLines(bytes: Uint8Array, file: string, why: string): FeatureLines {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const features: unknown[] = [], lines: number[] = [];
  const fail = (line: number, pointer: string, expected: string): never => {
    throw new CityPackageError(file, [{ pointer, line, column: 1, expected }]);
  };
  let state: 'header' | 'features' | 'done' = 'header', line = 0;
  for (let start = 0; start < bytes.length;) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    line++;
    const text = decoder.decode(bytes.subarray(start, end)).trim();
    start = end + 1;
    if (text === '') continue;
    if (state === 'header') {
      if (text !== HEADER) fail(line, '', `a GeoJSON FeatureCollection written one feature per line, starting ${HEADER} (${why})`);
      state = 'features';
    } else if (state === 'features' && text === FOOTER) {
      state = 'done';
    } else if (state === 'features') {
      try {
        features.push(JSON.parse(text.endsWith(',') ? text.slice(0, -1) : text));
      } catch {
        fail(line, `/features/${features.length}`, `one whole GeoJSON feature on this line, as JSON (${why})`);
      }
      lines.push(line);
    } else {
      fail(line, '', `nothing after the closing ${FOOTER}`);
    }
  }
  if (state !== 'done') fail(line, '', `the closing ${FOOTER} on a line of its own (${why})`);
  return { doc: { type: 'FeatureCollection', features }, featureLine: Uint32Array.from(lines) };
}
