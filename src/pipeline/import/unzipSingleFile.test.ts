import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zipOne } from '../../../test/fixtures/import/zipOne';
import { unzipSingleFile } from './unzipSingleFile';

const data = new TextEncoder().encode('heights '.repeat(500));
const zip = zipOne('N30E104.hgt', data);
/** Offsets in zipOne's layout: local header 30 + name, data, central directory 46 + name, end record 22. */
const NAME = 'N30E104.hgt'.length;
const central = zip.length - 22 - 46 - NAME;
const setU32 = (z: Uint8Array, at: number, v: number) => new DataView(z.buffer, z.byteOffset).setUint32(at, v, true);

describe('unzipSingleFile', () => {
  it('returns the entry', () => {
    expect(unzipSingleFile(zip, 'a.zip', '.hgt')).toEqual({ name: 'N30E104.hgt', data });
  });

  it('stops a zip bomb at the declared size instead of inflating it all', () => {
    const bomb = zipOne('N30E104.hgt', new Uint8Array(10), { packed: deflateRawSync(new Uint8Array(16 * 1024 * 1024)) });
    const t = performance.now();
    expect(() => unzipSingleFile(bomb, 'bomb.zip')).toThrow('bomb.zip: entry N30E104.hgt: inflates to more than its declared 10 bytes');
    expect(performance.now() - t).toBeLessThan(500);
  });

  it('refuses a declared size over the limit before inflating', () => {
    const z = zip.slice();
    setU32(z, central + 24, 0x7fffffff);
    expect(() => unzipSingleFile(z, 'big.zip')).toThrow(/big\.zip: entry N30E104\.hgt: 2147483647 bytes uncompressed; at most 536870912/);
  });

  it('names the file and the place for truncated, corrupt and foreign archives', () => {
    expect(() => unzipSingleFile(zip.subarray(0, 40), 'cut.zip')).toThrow(/cut\.zip: not a ZIP archive \(no end-of-central-directory record/);
    const z = zip.slice();
    z[30 + NAME + 4] ^= 0xff; // inside the deflated data
    expect(() => unzipSingleFile(z, 'flip.zip')).toThrow(/^flip\.zip: entry N30E104\.hgt: (corrupt deflate data|CRC-32 mismatch|\d+ bytes after inflating)/);
    const off = zip.slice();
    setU32(off, central + 42, zip.length + 5);
    expect(() => unzipSingleFile(off, 'off.zip')).toThrow(`off.zip: entry N30E104.hgt: corrupt local header at byte ${zip.length + 5}`);
    const cd = zip.slice();
    setU32(cd, cd.length - 22 + 16, cd.length);
    expect(() => unzipSingleFile(cd, 'cd.zip')).toThrow(/cd\.zip: corrupt ZIP: the central directory offset \d+ is past its end record/);
    expect(() => unzipSingleFile(new Uint8Array(300).fill(7), 'junk.zip')).toThrow(/junk\.zip: not a ZIP archive/);
  });
});
