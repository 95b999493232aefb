import { writeFileSync } from 'node:fs';

/**
 * Writes a point Shapefile (.shp + .dbf, dBase III character fields, UTF-8 .cpg) for import tests:
 * the format as ESRI specifies it, little and big endian where it says.
 */
export function writePointShapefile(base: string, points: Array<{ x: number; y: number; attrs: Record<string, string> }>, prj?: string): void {
  const shp = Buffer.alloc(100 + points.length * 28);
  shp.writeInt32BE(9994, 0);
  shp.writeInt32BE(shp.length / 2, 24);
  shp.writeInt32LE(1000, 28);
  shp.writeInt32LE(1, 32);
  const xs = points.map((p) => p.x), ys = points.map((p) => p.y);
  [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, k) => shp.writeDoubleLE(v, 36 + 8 * k));
  points.forEach((p, i) => {
    const o = 100 + i * 28;
    shp.writeInt32BE(i + 1, o);
    shp.writeInt32BE(10, o + 4);
    shp.writeInt32LE(1, o + 8);
    shp.writeDoubleLE(p.x, o + 12);
    shp.writeDoubleLE(p.y, o + 20);
  });
  writeFileSync(`${base}.shp`, shp);
  const names = Object.keys(points[0].attrs), width = 40;
  const headerLength = 32 + names.length * 32 + 1, recordLength = 1 + names.length * width;
  const dbf = Buffer.alloc(headerLength + points.length * recordLength + 1, 0x20);
  dbf.fill(0, 0, headerLength);
  dbf.writeUInt8(3, 0);
  dbf.writeUInt32LE(points.length, 4);
  dbf.writeUInt16LE(headerLength, 8);
  dbf.writeUInt16LE(recordLength, 10);
  names.forEach((n, k) => {
    const o = 32 + k * 32;
    dbf.write(n.slice(0, 10), o, 'ascii');
    dbf.write('C', o + 11, 'ascii');
    dbf.writeUInt8(width, o + 16);
  });
  dbf.writeUInt8(0x0d, headerLength - 1);
  points.forEach((p, i) => names.forEach((n, k) => dbf.write(p.attrs[n], headerLength + i * recordLength + 1 + k * width, 'utf8')));
  dbf.writeUInt8(0x1a, dbf.length - 1);
  writeFileSync(`${base}.dbf`, dbf);
  writeFileSync(`${base}.cpg`, 'UTF-8');
  if (prj) writeFileSync(`${base}.prj`, prj);
}
