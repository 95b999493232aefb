import { describe, expect, it } from 'vitest';
import { checkFloodMessage, floodChannelName, MAX_BROADCAST_CELLS } from './floodBroadcastProtocol';

const grid = { originLonDeg: 104.06, originLatDeg: 30.66, xMinM: -100, yMinM: 50, cellSizeM: 5, width: 4, height: 3 };

const errorOf = (data: unknown) => {
  const c = checkFloodMessage(data);
  if (c.ok) throw new Error('expected a malformed message');
  return c.error;
};

describe('checkFloodMessage', () => {
  it('accepts the four messages and keeps only the grid header fields', () => {
    expect(checkFloodMessage({ type: 'hello' })).toEqual({ ok: true, message: { type: 'hello' } });
    const setup = checkFloodMessage({ type: 'setup', run: 'r1', grid: { ...grid, extra: 1 }, bedM: new Float32Array(12) });
    expect(setup.ok && setup.message).toEqual({ type: 'setup', run: 'r1', grid, bedM: new Float32Array(12) });
    const frame = checkFloodMessage({ type: 'frame', run: 'r1', index: 3, timeS: 1200, depthM: new Float32Array(12) });
    expect(frame.ok && frame.message.type).toBe('frame');
    expect(checkFloodMessage({ type: 'clear', run: 'r1' })).toEqual({ ok: true, message: { type: 'clear', run: 'r1' } });
  });

  it('names the field and what was expected in a malformed message, and never throws', () => {
    expect(errorOf(null)).toBe('message must be an object, got null');
    expect(errorOf([1])).toBe('message must be an object, got Array');
    expect(errorOf({ type: 'pose' })).toBe("type must be hello, setup, frame or clear, got 'pose'");
    expect(errorOf({ type: 'clear' })).toBe('clear.run must be a non-empty string of at most 200 characters, got undefined');
    expect(errorOf({ type: 'setup', run: 'r', grid: { ...grid, cellSizeM: 0 }, bedM: new Float32Array(12) })).toBe('setup.grid: cellSizeM must be > 0, got 0');
    expect(errorOf({ type: 'setup', run: 'r', grid: { ...grid, width: 2.5 }, bedM: new Float32Array(12) })).toBe('setup.grid: width must be a positive integer, got 2.5');
    expect(errorOf({ type: 'setup', run: 'r', grid: { ...grid, xMinM: 'west' }, bedM: new Float32Array(12) })).toBe('setup.grid: xMinM must be a finite number, got west');
    expect(errorOf({ type: 'setup', run: 'r', grid, bedM: new Float64Array(12) })).toBe('setup.bedM must be a Float32Array, got Float64Array');
    expect(errorOf({ type: 'setup', run: 'r', grid, bedM: new Float32Array(11) })).toBe('setup.bedM must hold width x height = 12 values, got 11');
    expect(errorOf({ type: 'setup', run: 'r', grid: { ...grid, width: 1 << 13, height: 1 << 12 }, bedM: new Float32Array(1) }))
      .toBe(`setup.grid: width x height must be at most ${MAX_BROADCAST_CELLS} cells, got ${1 << 25}`);
    expect(errorOf({ type: 'frame', run: 'r', index: -1, timeS: 0, depthM: new Float32Array(12) })).toBe('frame.index must be an integer >= 0, got number -1');
    expect(errorOf({ type: 'frame', run: 'r', index: 0, timeS: NaN, depthM: new Float32Array(12) })).toBe('frame.timeS must be a finite number >= 0, got number NaN');
    expect(errorOf({ type: 'frame', run: 'r', index: 0, timeS: 0, depthM: [0, 1] })).toBe('frame.depthM must be a Float32Array, got Array');
  });

  it('names one channel per city', () => {
    expect(floodChannelName('demo')).toBe('rongcheng-flood:demo');
  });
});
