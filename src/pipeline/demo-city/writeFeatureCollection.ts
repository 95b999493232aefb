import { closeSync, openSync, writeSync } from 'node:fs';

/** Features serialised per write: a few MB of text, whatever the collection's size. */
const FEATURES_PER_WRITE = 4096;

/**
 * Writes a GeoJSON FeatureCollection, one feature per line, building each feature only when its
 * batch is written: a million buildings never sit in memory as objects or as one string (which
 * V8 caps at ~512 MB).
 */
export function writeFeatureCollection(path: string, count: number, featureAt: (i: number) => unknown): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, '{"type":"FeatureCollection","features":[\n');
    for (let start = 0; start < count; start += FEATURES_PER_WRITE) {
      const lines: string[] = [];
      for (let i = start; i < Math.min(count, start + FEATURES_PER_WRITE); i++) lines.push(JSON.stringify(featureAt(i)));
      writeSync(fd, (start > 0 ? ',\n' : '') + lines.join(',\n'));
    }
    writeSync(fd, '\n]}\n');
  } finally {
    closeSync(fd);
  }
}
