/** A 1-hour design storm with its peak in the middle third (mm/h every 10 min). */
export function hyetograph(peakMmPerHour: number): { timesS: number[]; mmPerHour: number[] } {
  const shape = [1 / 6, 4 / 9, 1, 2 / 3, 1 / 3, 1 / 9];
  return { timesS: shape.map((_, k) => k * 600), mmPerHour: shape.map((f) => Math.round(f * peakMmPerHour)) };
}

/** The what-if's flood scenario on a city package: the storm over a 1 km square (5 m cells) centred on a plane point. */
export function floodWhatIf(city: string, peakMmPerHour: number, cxM: number, cyM: number, workers: number): Record<string, unknown> {
  return {
    kind: 'flood', name: `1 h storm, peak ${peakMmPerHour} mm/h`, city,
    grid: { cellSizeM: 5, bboxM: [cxM - 500, cyM - 500, cxM + 500, cyM + 500].map(Math.round) },
    durationS: 3600, outputIntervalS: 300, rainfall: hyetograph(peakMmPerHour), drainageMmPerHour: 20,
    boundaries: { west: 'open', east: 'open', south: 'open', north: 'open' },
    solver: { workers },
  };
}
