import { describe, expect, it } from 'vitest';
import { DEMO_PLAN, MAX_DEMO_BUILDINGS, demoPlanFor } from './DemoPlan';
import { generateDemoCity } from './generateDemoCity';
import { riverCenterY } from './layout';

describe('demoPlanFor', () => {
  it('gives the demo city itself for its own count: same plan, same buildings', () => {
    const plan = demoPlanFor(22921);
    expect({ ...plan, targetBuildings: null }).toEqual(DEMO_PLAN);
    const sized = generateDemoCity(undefined, plan), demo = generateDemoCity();
    expect(sized.buildings).toEqual(demo.buildings);
  });

  it('scales the plan, not the blocks: a larger square of whole streets, a tiler-sized DEM, exactly N buildings', () => {
    const plan = demoPlanFor(50_000);
    expect(plan.scale).toBeGreaterThan(1.4);
    expect(plan.halfSideM % 750).toBe(0);
    expect((2 * plan.demHalfSideM) / plan.demCellM).toBe(512);
    expect(plan.demHalfSideM).toBeGreaterThan(plan.halfSideM);
    const city = generateDemoCity(7, plan);
    expect(city.buildings.length).toBe(50_000);
    expect(city.dem.width).toBe(513);
    // The river still crosses the whole city, and every building keeps clear of it.
    for (const x of [-plan.halfSideM, 0, plan.halfSideM]) expect(Math.abs(riverCenterY(x, plan.scale))).toBeLessThan(plan.halfSideM);
    const units = new Map<string, number>();
    for (const u of city.units) units.set(u.level, (units.get(u.level) ?? 0) + 1);
    expect(units.get('grid')).toBe((2 * plan.halfSideM / 250) ** 2);
    expect(units.get('district')).toBe(5);
  });

  it('refuses counts it cannot make, naming the range', () => {
    for (const n of [0, 2.5, MAX_DEMO_BUILDINGS + 1]) expect(() => demoPlanFor(n)).toThrow(`1..${MAX_DEMO_BUILDINGS}`);
  });
});
