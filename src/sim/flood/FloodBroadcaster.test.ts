import { afterEach, describe, expect, it } from 'vitest';
import { FloodBroadcaster } from './FloodBroadcaster';
import { FloodReceiver, type FloodReceiverHandlers } from './FloodReceiver';

const grid = { originLonDeg: 104.06, originLatDeg: 30.66, xMinM: 0, yMinM: 0, cellSizeM: 5, width: 3, height: 2 };

const until = async (test: () => boolean) => {
  for (let i = 0; i < 200 && !test(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(test()).toBe(true);
};

/** A receiver that writes what it was told into `log`. */
function recorder(channel: string, log: string[]): FloodReceiver {
  const h: FloodReceiverHandlers = {
    onSetup: (run, g, bed) => log.push(`setup ${g.width}x${g.height} bed ${bed[5]}`),
    onFrame: (f) => log.push(`frame ${f.index} ${f.timeS} s ${f.depthM[0]}`),
    onClear: () => log.push('clear'),
  };
  return new FloodReceiver(channel, h);
}

describe('FloodBroadcaster and FloodReceiver', () => {
  const open: Array<{ dispose(): void }> = [];
  afterEach(() => { for (const o of open.splice(0)) o.dispose(); });

  it('stream a run: setup, every frame shown, a slider move, then clear', async () => {
    const pub = new FloodBroadcaster('f1'), log: string[] = [];
    const wall = recorder('f1', log);
    open.push(pub, wall);
    await until(() => pub.hellos === 1);
    pub.setup(grid, new Float32Array([1, 2, 3, 4, 5, 6]));
    pub.show(0, 300, new Float32Array(6).fill(0.1));
    pub.show(1, 600, new Float32Array(6).fill(0.2));
    pub.show(0, 300, new Float32Array(6).fill(0.1));
    pub.clear();
    await until(() => log.length === 5);
    expect(log.map((l) => l.replace(/0\.\d+$/, (d) => Number(d).toFixed(1)))).toEqual(['setup 3x2 bed 6', 'frame 0 300 s 0.1', 'frame 1 600 s 0.2', 'frame 0 300 s 0.1', 'clear']);
    expect(wall.run).toBeNull();
    expect(wall.frames).toBe(3);
  });

  it('greets windows that open late with the setup and the frame shown, once each, and replaces a run', async () => {
    const pub = new FloodBroadcaster('f2');
    open.push(pub);
    pub.setup(grid, new Float32Array(6));
    pub.show(4, 1500, new Float32Array(6).fill(0.5));
    // Two windows of one wall: each hello makes the publisher repeat its state to both.
    const left: string[] = [], right: string[] = [];
    const a = recorder('f2', left), b = recorder('f2', right);
    open.push(a, b);
    await until(() => pub.hellos === 2 && a.frames === 2 && b.frames === 2);
    expect(left.filter((l) => l.startsWith('setup'))).toHaveLength(1);
    expect(right.at(-1)).toBe('frame 4 1500 s 0.5');
    const firstRun = a.run;
    pub.setup({ ...grid, width: 2, height: 2 }, new Float32Array(4));
    await until(() => a.setups === 2 && b.setups === 2);
    expect(a.run).not.toBe(firstRun);
    expect(left.slice(-2)).toEqual(['clear', 'setup 2x2 bed undefined']);
  });

  it('counts and ignores malformed messages and frames of runs it never saw', async () => {
    const log: string[] = [];
    const wall = recorder('f3', log);
    const rogue = new BroadcastChannel('f3');
    open.push(wall, { dispose: () => rogue.close() });
    rogue.postMessage('flood!');
    rogue.postMessage({ type: 'frame', run: 'nobody', index: 0, timeS: 0, depthM: new Float32Array(6) });
    rogue.postMessage({ type: 'setup', run: 'r', grid, bedM: new Float32Array(6) });
    rogue.postMessage({ type: 'frame', run: 'r', index: 0, timeS: 0, depthM: new Float32Array(5) });
    rogue.postMessage({ type: 'clear', run: 'someone else' });
    await until(() => wall.malformed === 2 && wall.stale === 1 && wall.setups === 1);
    expect(wall.lastError).toBe("frame.depthM must hold 6 values (the run's grid), got 5");
    expect(log).toEqual(['setup 3x2 bed 0']);
    expect(wall.run).toBe('r');
  });

  it('refuses frames before a setup or of the wrong size, and closes quietly twice', () => {
    const pub = new FloodBroadcaster('f4');
    expect(() => pub.show(0, 0, new Float32Array(6))).toThrow('FloodBroadcaster.show: call setup() first');
    expect(() => pub.setup(grid, new Float32Array(5))).toThrow('bedM must hold width x height = 6 values, got 5');
    pub.setup(grid, new Float32Array(6));
    expect(() => pub.show(0, 0, new Float32Array(2))).toThrow("depthM must hold 6 values (the setup's grid), got 2");
    pub.dispose();
    pub.dispose();
    expect(() => pub.clear()).not.toThrow();
  });
});
