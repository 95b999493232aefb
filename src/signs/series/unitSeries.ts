import type { SensorRingBuffers } from '../buffer/SensorRingBuffers';
import type { Aggregation } from '../schema/sensorKinds';

/** A time series for charts: bucket start times (epoch ms) and values (NaN where no data). */
export interface Series {
  timesMs: Float64Array;
  values: Float64Array;
}

/**
 * Buckets the samples of `sensors` in [fromMs, toMs) into `bucketS`-second buckets and combines
 * them like the kind's indicator: each sensor's bucket mean (its max for 'max' kinds), then the
 * mean, max or sum over sensors. Allocates the result (charts call it a few times a second).
 */
export function unitSeries(
  buffers: SensorRingBuffers, sensors: ArrayLike<number>, aggregation: Aggregation, fromMs: number, toMs: number, bucketS: number,
): Series {
  if (!(bucketS > 0) || !(toMs > fromMs)) throw new Error(`unitSeries: expected bucketS > 0 and toMs > fromMs, got ${bucketS} s, [${fromMs}, ${toMs}]`);
  const bucketMs = bucketS * 1000;
  const n = Math.ceil((toMs - fromMs) / bucketMs);
  const acc = new Float64Array(n), cnt = new Int32Array(n);
  const sAcc = new Float64Array(n), sCnt = new Int32Array(n);
  for (let i = 0; i < sensors.length; i++) {
    const s = sensors[i];
    sAcc.fill(0);
    sCnt.fill(0);
    for (let k = buffers.oldestSince(s, fromMs); k >= 0; k--) {
      const at = buffers.slot(s, k), t = buffers.timesMs[at];
      if (t >= toMs) break;
      const b = Math.floor((t - fromMs) / bucketMs), v = buffers.values[at];
      if (aggregation === 'max') sAcc[b] = sCnt[b] === 0 ? v : Math.max(sAcc[b], v);
      else sAcc[b] += v;
      sCnt[b]++;
    }
    for (let b = 0; b < n; b++) {
      if (sCnt[b] === 0) continue;
      const v = aggregation === 'max' ? sAcc[b] : sAcc[b] / sCnt[b];
      acc[b] = aggregation === 'max' && cnt[b] > 0 ? Math.max(acc[b], v) : acc[b] + v;
      cnt[b]++;
    }
  }
  const timesMs = new Float64Array(n), values = new Float64Array(n);
  for (let b = 0; b < n; b++) {
    timesMs[b] = fromMs + b * bucketMs;
    values[b] = cnt[b] === 0 ? NaN : aggregation === 'mean' ? acc[b] / cnt[b] : acc[b];
  }
  return { timesMs, values };
}
