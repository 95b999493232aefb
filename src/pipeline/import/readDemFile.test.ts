import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeArrayBuffer } from 'geotiff';
import { afterAll, describe, expect, it } from 'vitest';
import { zipOne } from '../../../test/fixtures/import/zipOne';
import { readDemFile } from './readDemFile';

const dir = mkdtempSync(join(tmpdir(), 'rc-dem-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function geoTiff(values: Float32Array, w: number, h: number): Uint8Array {
  return new Uint8Array(writeArrayBuffer(values, {
    width: w, height: h, ModelPixelScale: [0.001, 0.001, 0], ModelTiepoint: [0, 0, 0, 104.05, 30.67, 0],
    GeographicTypeGeoKey: 4326, GTRasterTypeGeoKey: 1, SampleFormat: [3], BitsPerSample: [32],
  } as never));
}

const file = (name: string, bytes: Uint8Array) => { const p = join(dir, name); writeFileSync(p, bytes); return p; };

describe('readDemFile', () => {
  it('makes heights no ground has (3e38, -3.4e38) no-data and counts them (they were accepted as heights before)', async () => {
    const values = new Float32Array(64).fill(480);
    values[5] = 3e38; values[9] = -3.4e38; values[10] = 12000;
    const r = await readDemFile(file('spikes.tif', geoTiff(values, 8, 8)));
    expect(r.implausibleCount).toBe(3);
    expect(r.noDataCount).toBe(3);
    expect(Number.isNaN(r.values[5]) && Number.isNaN(r.values[9]) && Number.isNaN(r.values[10])).toBe(true);
    expect(r.values[0]).toBe(480);
  });

  it('refuses a DEM with no plausible height, naming the file', async () => {
    const p = file('feet.tif', geoTiff(new Float32Array(64).fill(3e38), 8, 8));
    await expect(readDemFile(p)).rejects.toThrow(`${p}: none of its 64 heights is plausible ground (64 outside -500 to 9000 m, e.g. 3.0000000054977558e+38); expected a DEM in meters`);
  });

  it('names the file for a truncated GeoTIFF ("Offset is outside the bounds of the DataView" before)', async () => {
    const tif = geoTiff(new Float32Array(64 * 64).fill(480), 64, 64);
    for (const f of [0.1, 0.5, 0.9]) {
      const p = file(`cut${f}.tif`, tif.subarray(0, Math.floor(tif.length * f)));
      await expect(readDemFile(p), `${f}`).rejects.toThrow(new RegExp(`^${p.replace(/[.\\/]/g, '\\$&')}: .*(truncated or corrupt|georeferencing)`));
    }
  });

  it('names the archive and the entry for a corrupt or truncated zip', async () => {
    const zip = zipOne('N30E104.hgt', new Uint8Array(1201 * 1201 * 2));
    const flipped = zip.slice();
    flipped[45] ^= 0xff;
    await expect(readDemFile(file('flip.hgt.zip', flipped))).rejects.toThrow(/flip\.hgt\.zip: entry N30E104\.hgt: (corrupt deflate data|CRC-32 mismatch|\d+ bytes after inflating)/);
    await expect(readDemFile(file('cut.hgt.zip', zip.subarray(0, zip.length - 30)))).rejects.toThrow(/cut\.hgt\.zip: (not a ZIP archive|corrupt ZIP)/);
  });
});
