import { steppedScale } from '../../../view/overlay/ColorScale';
import { rgbaByScale } from '../../../view/overlay/rgbaByScale';

/** China's urban fire-service standard: an engine on scene within 5 min of the call. */
export const COVERAGE_TARGET_MIN = 5;
export const COVERAGE_SCALE = steppedScale('responseMin', 'Fire response time', 'min', [2, 3, 4, 5]);

/** Buildings coloured by response time from the nearest fire station (seconds per building; unreachable uncoloured). */
export function coverageColours(timesS: Float64Array): Uint8Array {
  return rgbaByScale(timesS.length, (i) => timesS[i] / 60, COVERAGE_SCALE);
}
