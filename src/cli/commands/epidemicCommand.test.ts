import { describe, expect, it } from 'vitest';
import { runEpidemicCommand } from './epidemicCommand';

type Out = { peakDay: number; peakInfectious: number; attackRate: number; weekly: Array<{ S: number; E: number; I: number; R: number }>; population: number };

describe('runEpidemicCommand', () => {
  it('prints peak and weekly totals, and interventions from a file lower the peak', async () => {
    const base = (await runEpidemicCommand(['--days', '120'])) as Out;
    const curbed = (await runEpidemicCommand(['--days', '120', '--interventions', 'test/fixtures/sims/epidemic-interventions.json'])) as Out;
    expect(base.weekly).toHaveLength(18);
    for (const w of base.weekly) expect(Math.abs(w.S + w.E + w.I + w.R - base.population)).toBeLessThanOrEqual(2);
    expect(base.peakInfectious).toBeGreaterThan(0);
    expect(curbed.peakInfectious).toBeLessThan(base.peakInfectious);
  });

  it('names a bad seed cell', async () => {
    await expect(runEpidemicCommand(['--seed-cell', 'nowhere:5'])).rejects.toThrow(/--seed-cell/);
  });
});
