import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemGrid } from '../../geo/DemGrid';

/** Writes the DEM as `dem.json` (header, see DemHeader) and `dem.f32` (little-endian Float32, row 0 south). */
export function writeDem(dir: string, dem: DemGrid): void {
  writeFileSync(join(dir, 'dem.json'), JSON.stringify({ ...dem.header(), format: 'float32-le', units: 'm (ellipsoidal height)' }, null, 2) + '\n');
  writeFileSync(join(dir, 'dem.f32'), new Uint8Array(dem.heightsM.buffer, dem.heightsM.byteOffset, dem.heightsM.byteLength));
}
