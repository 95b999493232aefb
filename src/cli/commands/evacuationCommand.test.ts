import { describe, expect, it } from 'vitest';
import { runEvacuationCommand } from './evacuationCommand';

type Out = { evacuees: number; assigned: number; unassigned: number; buildings: number; sheltersUsed: number; timeToSafeS: Array<{ fraction: number; timeS: number | null }> };

describe('runEvacuationCommand', () => {
  it('evacuates listed buildings (e.g. flooded ones) to the shelters of a file', async () => {
    const r = (await runEvacuationCommand(['--buildings', 'test/fixtures/sims/flooded-buildings.json', '--shelters', 'test/fixtures/sims/shelters-south-east.json'])) as Out;
    expect(r.buildings).toBe(50);
    expect(r.assigned + r.unassigned).toBe(r.evacuees);
    expect(r.assigned).toBeLessThanOrEqual(9000);
    expect(r.sheltersUsed).toBeGreaterThan(0);
  });

  it('evacuates a circle by car to the city\'s schools', async () => {
    const r = (await runEvacuationCommand(['--zone', '104.08,30.645,400', '--mode', 'drive', '--assignment', 'minCost'])) as Out;
    expect(r.unassigned).toBe(0);
    expect(r.timeToSafeS.find((t) => t.fraction === 1)!.timeS).toBeGreaterThan(0);
  });

  it('names a missing zone', async () => {
    await expect(runEvacuationCommand([])).rejects.toThrow(/--zone/);
  });
});
