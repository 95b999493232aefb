import { describe, expect, it } from 'vitest';
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
});
