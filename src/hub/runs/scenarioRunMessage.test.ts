import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFeedConfig } from '../../feed/config/parseFeedConfig';
import { filterCovers, topicMatches } from '../../feed/topicFilters';
import type { Account } from '../../server/accounts/Account';
import { brokerRights } from '../../server/tokens/brokerRights';
import { HubState } from '../client/HubState';
import { hubTopics } from '../topics';
import { MAX_SCENARIO_RUN_BYTES, parseScenarioRunMessage } from './scenarioRunMessage';

const scenario = JSON.parse(readFileSync(join(import.meta.dirname, '../../../scenarios/highrise-fire.json'), 'utf8'));
const good = { v: 1, run: 'a1b2c3d4e5f6a7b8', scenario, variant: 'forward-fire-post', compare: false, timeS: 600, by: 'operator', atMs: 1_700_000_000_000 };
const text = (over: Record<string, unknown>) => JSON.stringify({ ...good, ...over });

describe('parseScenarioRunMessage', () => {
  it('takes a shipped scenario with its variant and time (a few KB, far under the limit); an empty payload withdraws the run', () => {
    const payload = JSON.stringify(good);
    expect(payload.length).toBeLessThan(4096);
    expect(parseScenarioRunMessage(payload)).toEqual(good);
    expect(parseScenarioRunMessage(new TextEncoder().encode(payload))).toEqual(good);
    expect(parseScenarioRunMessage('')).toBeNull();
  });

  it('refuses what a wall cannot trust, naming the field and what was expected', () => {
    expect(parseScenarioRunMessage('x'.repeat(MAX_SCENARIO_RUN_BYTES + 1))).toEqual({ error: `runs/scenario: ${MAX_SCENARIO_RUN_BYTES + 1} bytes, over the limit of ${MAX_SCENARIO_RUN_BYTES}` });
    expect(parseScenarioRunMessage(new Uint8Array([0x7b, 0xff, 0x7d]))).toEqual({ error: 'runs/scenario: expected UTF-8 JSON' });
    expect(parseScenarioRunMessage('[1]')).toEqual({ error: 'runs/scenario: /v: expected 1' });
    expect(parseScenarioRunMessage(text({ run: 'no spaces' }))).toMatchObject({ error: expect.stringContaining('/run: expected an id') });
    expect(parseScenarioRunMessage(text({ scenario: 'fire' }))).toEqual({ error: 'runs/scenario: /scenario: expected a scenario object' });
    expect(parseScenarioRunMessage(text({ variant: 'bigger-fire' }))).toEqual({ error: 'runs/scenario: /variant: expected one of "baseline", "forward-fire-post", "minimise-worst"' });
    expect(parseScenarioRunMessage(text({ compare: 'yes' }))).toEqual({ error: 'runs/scenario: /compare: expected true or false' });
    expect(parseScenarioRunMessage(text({ timeS: -1 }))).toMatchObject({ error: expect.stringContaining('/timeS: expected a time from 0') });
    expect(parseScenarioRunMessage(text({ by: 7 }))).toMatchObject({ error: expect.stringContaining('/by, /atMs') });
  });

  it('validates the scenario itself (schema, semantics, work limits), as a scenario file is', () => {
    const bad = parseScenarioRunMessage(text({ scenario: { ...scenario, durationS: -5 } }));
    expect(bad).toMatchObject({ error: expect.stringMatching(/^invalid scenario runs\/scenario \/scenario.*\/durationS/) });
    const huge = parseScenarioRunMessage(text({ scenario: { ...scenario, durationS: 31_536_000, outputIntervalS: 1 } }));
    expect(huge).toMatchObject({ error: expect.stringContaining('invalid scenario runs/scenario /scenario') });
  });
});

describe('HubState runs/scenario', () => {
  it('keeps the run shown, drops it on a withdrawal or a refused message, and says why it refused one', () => {
    const s = new HubState('demo'), seen: unknown[] = [];
    s.events.subscribe('scenarioRun', (m) => seen.push(m === null ? null : 'error' in m ? m.error : m.run));
    const topic = s.topics.run('scenario');
    expect(s.ingest(topic, JSON.stringify(good))).toBe(true);
    expect(s.scenarioRun?.variant).toBe('forward-fire-post');
    expect(s.ingest(topic, '{"v":2}')).toBe(false);
    expect([s.scenarioRun, s.scenarioRunError]).toEqual([null, 'runs/scenario: /v: expected 1']);
    expect(s.ingest(topic, '')).toBe(true);
    expect(seen).toEqual([good.run, 'runs/scenario: /v: expected 1', null]);
    expect(s.scenarioRunError).toBeNull();
  });
});

describe('broker rights on runs/scenario (config/signs/feed.json)', () => {
  it('lets an operator publish it retained, a viewer only read it, and no sensor touch it', () => {
    const roles = loadFeedConfig().roles, topic = hubTopics('demo').run('scenario');
    const rights = (role: string) => brokerRights({ username: 'u1', displayName: 'U', kind: 'person', role, tier: 'city', unitId: '510100', passwordHash: null } as Account, roles[role], 'demo');
    const op = rights('operator'), viewer = rights('viewer'), sensor = rights('sensor');
    expect(op.publish.some((f) => topicMatches(f, topic)) && op.retain.some((f) => topicMatches(f, topic))).toBe(true);
    expect(viewer.publish.some((f) => topicMatches(f, topic)) || viewer.retain.some((f) => topicMatches(f, topic))).toBe(false);
    expect(viewer.subscribe.some((f) => filterCovers(f, topic)) && op.subscribe.some((f) => filterCovers(f, topic))).toBe(true);
    expect(sensor.publish.some((f) => topicMatches(f, topic)) || sensor.subscribe.some((f) => filterCovers(f, topic))).toBe(false);
  });
});
