import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFlip, forgeValue } from '../../../test/fuzz/flipBytes';
import { demoRoadGraph } from '../../../test/support/demoPackage';
import { encodeRoadGraph } from '../../route/roadGraphCodec';
import { UsageError } from '../args';
import { run } from './route';

describe('route command', () => {
  it('prints meters, seconds, the node path and a timed lon/lat line, the same with every method', async () => {
    const args = ['--from', '104.03,30.64', '--to', '104.09,30.69'];
    const auto = (await run(args)) as Record<string, any>;
    expect(auto.reachable).toBe(true);
    expect(auto.meters).toBeGreaterThan(5000);
    expect(auto.nodePath.length).toBeGreaterThan(5);
    expect(auto.coordinates.length).toBe(auto.cumulativeS.length);
    for (const method of ['ch', 'dijkstra']) {
      const other = (await run([...args, '--method', method])) as Record<string, any>;
      expect(other.seconds).toBeCloseTo(auto.seconds, 2);
    }
  });

  it('walks with --mode walk at walking speed, and refuses a car network file for it', async () => {
    const walk = (await run(['--from', '104.03,30.64', '--to', '104.09,30.69', '--mode', 'walk'])) as Record<string, any>;
    const car = (await run(['--from', '104.03,30.64', '--to', '104.09,30.69'])) as Record<string, any>;
    expect(walk.mode).toBe('walk');
    expect(walk.meters / walk.seconds).toBeCloseTo(5 / 3.6, 3);
    expect(walk.meters).toBeLessThanOrEqual(car.meters * 1.05);
    const dir = mkdtempSync(join(tmpdir(), 'route-cli-'));
    try {
      writeFileSync(join(dir, 'network.bin'), encodeRoadGraph(await demoRoadGraph()));
      await expect(run(['--from', '104.03,30.64', '--to', '104.09,30.69', '--mode', 'walk', '--graph', join(dir, 'network.bin')])).rejects.toThrow(/holds the car network, not the walk one \(network-walk\.bin in the same folder\?\)/);
      await expect(run(['--from', '104.03,30.64', '--to', '104.09,30.69', '--mode', 'bike'])).rejects.toThrow(/--mode expects one of car, walk/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('routes around a closed road', async () => {
    const open = (await run(['--from', '104.03,30.64', '--to', '104.09,30.69'])) as Record<string, any>;
    const mid = open.coordinates[Math.floor(open.coordinates.length / 2)];
    const closed = (await run(['--from', '104.03,30.64', '--to', '104.09,30.69', '--close', mid.join(',')])) as Record<string, any>;
    expect(closed.closed).toHaveLength(1);
    expect(closed.seconds).toBeGreaterThan(open.seconds);
  });

  it('rejects bad input with the flag and what it expects', async () => {
    await expect(run(['--to', '104,30'])).rejects.toThrow(new UsageError('missing --from LON,LAT (start, degrees)'));
    await expect(run(['--from', '104', '--to', '104,30'])).rejects.toThrow(/--from expects LON,LAT in degrees/);
    await expect(run(['--from', '104.03,30.64', '--to', '104.09,30.69', '--method', 'fast'])).rejects.toThrow(/--method expects one of auto, ch, astar, dijkstra/);
    await expect(run(['--from', '104.03,30.64', '--to', '104.09,30.69', '--graph', '/nope/network.bin'])).rejects.toThrow(/network file not found: \/nope\/network\.bin; `npm run tiles` writes the demo city's/);
    await expect(run(['--from', '0,0', '--to', '104.09,30.69'])).rejects.toThrow(/--from 0,0: no open road within 2000 m/);
  });

  it('refuses a damaged network.bin with its name, whether the checksum or a stored value gives it away', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'route-cli-'));
    try {
      const bytes = encodeRoadGraph(await demoRoadGraph());
      const file = join(dir, 'network.bin');
      writeFileSync(file, applyFlip(bytes, { offset: 70_000, xor: 0x80 }, false));
      await expect(run(['--from', '104.03,30.64', '--to', '104.09,30.69', '--graph', file])).rejects.toThrow(new RegExp(`^${file}: checksum mismatch`));
      writeFileSync(file, forgeValue(bytes, 'arcLengthM', 0, (v, at) => v.setFloat32(at, -12.5, true)));
      await expect(run(['--from', '104.03,30.64', '--to', '104.09,30.69', '--graph', file])).rejects.toThrow(/network\.bin: corrupt: arcLengthM\[0\] = -12\.5: expected a finite length >= 0 m/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
