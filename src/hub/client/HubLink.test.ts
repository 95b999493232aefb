import { describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '../../auth/SessionInfo';
import { parseFloodRunMessage } from '../runs/floodRunMessage';
import { HubLink } from './HubLink';
import { HubReplay } from './HubReplay';
import type { HistoryClient } from './HistoryClient';

const info = (cityId: string, commandTopic: string | null): SessionInfo => ({
  account: { username: 'op', displayName: 'Op', role: 'operator', tier: 'city', unitId: 'CITY' },
  feed: null,
  hub: { cityId, topics: [`hub/${cityId}/alerts/#`, `hub/${cityId}/runs/#`], commandTopic, incidentCommandTopic: null, replyTopic: `hub/${cityId}/replies/op`, apiBase: '/api/hub' },
});

describe('HubLink', () => {
  it('grants the hub only for the page\'s city, adds the reply topic, and routes hub messages away from the raw readings', () => {
    const link = new HubLink('demo', async () => {});
    expect(link.topicsFor(info('other', null))).toEqual({ topics: [], drop: [] });
    expect(link.topicsFor(info('demo', null)).topics).toEqual(['hub/demo/alerts/#', 'hub/demo/runs/#', 'hub/demo/replies/op']);
    const sides: Array<unknown> = [];
    link.events.subscribe('side', (s) => sides.push(s));
    link.follow(info('demo', null));
    expect(link.side?.commands).toBeNull(); // a viewer: no command topic
    link.follow(info('demo', null));
    expect(sides.length).toBe(1); // the same grant again changes nothing
    expect(link.take('city/demo/d1/water_level/W1', '{}')).toBe(false);
    expect(link.take('hub/demo/runs/flood', JSON.stringify({ v: 1, run: 'r1', scenario: { kind: 'flood' }, frame: { index: 2, timeS: 900 }, by: 'op', atMs: 1 }))).toBe(true);
    expect(link.side!.state.floodRun?.frame).toEqual({ index: 2, timeS: 900 });
    link.follow(null);
    expect(link.side).toBeNull();
  });

  it('refuses flood run messages it cannot trust, naming the field; an empty one withdraws the run', () => {
    expect(parseFloodRunMessage('')).toBeNull();
    expect(parseFloodRunMessage('x'.repeat(20_000))).toEqual({ error: 'runs/flood: 20000 bytes, over the limit of 16384' });
    expect(parseFloodRunMessage('{"v":1,"run":"r 1"}')).toMatchObject({ error: expect.stringContaining('/run') });
    expect(parseFloodRunMessage('{"v":1,"run":"r1","scenario":{"kind":"plume"},"frame":null,"by":"op","atMs":1}')).toMatchObject({ error: expect.stringContaining('/scenario') });
    expect(parseFloodRunMessage('{"v":1,"run":"r1","scenario":{"kind":"flood"},"frame":{"index":-1,"timeS":0},"by":"op","atMs":1}')).toMatchObject({ error: expect.stringContaining('/frame') });
  });
});

describe('HubReplay', () => {
  it('clamps to the last 24 h, keeps only the latest answer, and plays forward until now', async () => {
    vi.useFakeTimers();
    const now = Date.UTC(2026, 11, 1, 12);
    const asked: number[] = [];
    const history = { stateAt: async (at: number) => { asked.push(at); return { atMs: at, alerts: [], indicators: [{ tier: 'city', districtId: '', tMs: at - 30_000, units: ['CITY'], kinds: ['water_level'], values: [2.5] }] }; } } as unknown as HistoryClient;
    const r = new HubReplay(history, () => now);
    const states: number[] = [];
    r.events.subscribe('state', (s) => { states.push(s.atMs); expect(s.city.get('water_level')).toBe(2.5); });
    await r.seek(now - 48 * 3_600_000);
    expect(asked[0]).toBe(now - 24 * 3_600_000);
    r.play(3600);
    await vi.advanceTimersByTimeAsync(3000);
    expect(states.slice(-1)[0]).toBe(now - 21 * 3_600_000);
    r.pause();
    expect(r.playing).toBe(false);
    vi.useRealTimers();
  });
});
