import { afterEach, describe, expect, it } from 'vitest';
import { WallReplayLink } from './WallReplayLink';

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('WallReplayLink', () => {
  const links: WallReplayLink[] = [];
  afterEach(() => { for (const l of links.splice(0)) l.dispose(); });

  it('lets the window someone works drive the others; a follower posts nothing until worked', async () => {
    const got: Record<string, Array<number | 'live'>> = { a: [], b: [], c: [] };
    const make = (k: string, wall = 'main') => { const l = new WallReplayLink(wall, { at: (t) => got[k].push(t), live: () => got[k].push('live') }); links.push(l); return l; };
    const a = make('a'), b = make('b'), c = make('c', 'other');
    a.post(1000); // nobody worked a yet: nothing goes out
    await tick();
    expect(got.b).toEqual([]);
    a.driving = true;
    a.post(2000);
    a.post(null);
    await tick();
    expect(got).toEqual({ a: [], b: [2000, 'live'], c: [] }); // another wall hears nothing
    expect(b.driving).toBe(false);
    b.post(3000); // b follows: it does not echo
    b.driving = true;
    b.post(4000);
    await tick();
    expect(got.a).toEqual([4000]);
    expect(a.driving).toBe(false); // b took over
  });
});
