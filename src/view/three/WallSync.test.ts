import { afterEach, describe, expect, it } from 'vitest';
import { WallSync } from './WallSync';

const until = async (test: () => boolean) => {
  for (let i = 0; i < 200 && !test(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(test()).toBe(true);
};

describe('WallSync', () => {
  const open: WallSync[] = [];
  afterEach(() => { for (const s of open.splice(0)) s.dispose(); });

  it('sends the leader pose to followers only when it changes, and greets late followers', async () => {
    const got: number[][] = [], modes: string[] = [];
    const leader = new WallSync('t1', true, { onPose: () => {}, onMode: () => {} });
    open.push(leader);
    const pose = [1, 2, 3, 0, 0, 0, 1, 40];
    expect(leader.publishPose(pose)).toBe(true);
    expect(leader.publishPose(pose)).toBe(false);
    leader.publishMode('day');
    const late = new WallSync('t1', false, { onPose: (p) => got.push([...p]), onMode: (m) => modes.push(m) });
    open.push(late);
    await until(() => got.length === 1 && modes.length === 1);
    expect(got[0]).toEqual(pose);
    expect(modes).toEqual(['day']);
    pose[0] = 5;
    expect(leader.publishPose(pose)).toBe(true);
    await until(() => got.length === 2);
    expect(got[1][0]).toBe(5);
    expect(late.publishPose(pose)).toBe(false);
  });

  it('keeps walls with different names apart and follows a restarted leader', async () => {
    const got: number[] = [];
    const follower = new WallSync('t2', false, { onPose: (p) => got.push(p[0]), onMode: () => {} });
    const other = new WallSync('t3', true, { onPose: () => {}, onMode: () => {} });
    const first = new WallSync('t2', true, { onPose: () => {}, onMode: () => {} });
    open.push(follower, other);
    other.publishPose([9, 0, 0, 0, 0, 0, 1, 40]);
    first.publishPose([1, 0, 0, 0, 0, 0, 1, 40]);
    first.publishPose([2, 0, 0, 0, 0, 0, 1, 40]);
    await until(() => got.length === 2);
    first.dispose();
    const second = new WallSync('t2', true, { onPose: () => {}, onMode: () => {} });
    open.push(second);
    second.publishPose([3, 0, 0, 0, 0, 0, 1, 40]);
    await until(() => got.length === 3);
    expect(got).toEqual([1, 2, 3]);
  });
});
