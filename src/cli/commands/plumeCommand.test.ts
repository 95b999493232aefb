import { describe, expect, it } from 'vitest';
import { UsageError } from '../args';
import { runPlumeCommand } from './plumeCommand';

describe('runPlumeCommand', () => {
  it('prints the evacuation zone of a leak on the demo city', async () => {
    const r = (await runPlumeCommand(['--at', '104.045,30.675', '--rate', '1', '--duration', '600', '--wind', '3@250', '--minutes', '20', '--cell', '40', '--geojson'])) as {
      zone: { cells: number; buildings: number; population: number }; massBalanceKg: { errorKg: number; releasedKg: number };
      populationByCommunity: Array<{ population: number }>; zoneFeature: { geometry: { type: string } };
    };
    expect(r.zone.cells).toBeGreaterThan(0);
    expect(r.zone.population).toBeGreaterThan(0);
    expect(r.massBalanceKg.releasedKg).toBeCloseTo(600, 9);
    expect(Math.abs(r.massBalanceKg.errorKg)).toBeLessThan(1e-9);
    expect(r.populationByCommunity.reduce((s, u) => s + u.population, 0)).toBeLessThanOrEqual(r.zone.population);
    expect(r.zoneFeature.geometry.type).toBe('MultiPolygon');
  });

  it('rejects bad flags with a usage error naming the flag', async () => {
    await expect(runPlumeCommand(['--rate', '1'])).rejects.toThrow(/--at/);
    await expect(runPlumeCommand(['--at', '104.06,30.66', '--rate', '1', '--wind', 'east'])).rejects.toThrow(UsageError);
    await expect(runPlumeCommand(['--at', '104.06,30.66', '--rate', '-2'])).rejects.toThrow(/--rate/);
  });
});
