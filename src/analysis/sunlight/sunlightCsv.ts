import type { FacadeSamples } from './FacadeSamples';
import type { FloorSunlight } from './sunlightStandard';

const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** One row per sample: building, floor, facade, lon/lat (deg), height (m), minutes of sun. */
export function samplesCsv(samples: FacadeSamples, minutes: Float32Array, buildingIds: ReadonlyArray<string>, toLonLat: (x: number, y: number) => [number, number]): string {
  const rows = ['buildingId,floor,facade,lonDeg,latDeg,heightM,sunMinutes'];
  for (let i = 0; i < samples.count; i++) {
    const [lon, lat] = toLonLat(samples.positionM[3 * i], samples.positionM[3 * i + 1]);
    rows.push([quote(buildingIds[samples.building[i]]), samples.floor[i], samples.facade[i], lon.toFixed(7), lat.toFixed(7), samples.positionM[3 * i + 2].toFixed(2), minutes[i]].join(','));
  }
  return rows.join('\n') + '\n';
}

/** One row per building floor: best and mean minutes and whether it misses the standard. */
export function floorsCsv(floors: ReadonlyArray<FloorSunlight>): string {
  const rows = ['buildingId,use,floor,maxSunMinutes,meanSunMinutes,samples,belowStandard'];
  for (const f of floors) rows.push([quote(f.buildingId), quote(f.use), f.floor, f.maxMinutes, f.meanMinutes, f.samples, f.belowStandard].join(','));
  return rows.join('\n') + '\n';
}
