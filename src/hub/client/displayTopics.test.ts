import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../auth/SessionInfo';
import { displayTopicPlan } from './displayTopics';

const info = (hubCity: string | null, feedTopics = ['city/demo/#']): SessionInfo => ({
  account: { username: 'op', displayName: 'Op', role: 'operator', tier: 'city', unitId: 'CITY' },
  feed: { url: '/mqtt', username: 'op', token: 't', clientId: 'op:1', expiresAtMs: 1, topics: feedTopics, qos: 1 },
  hub: hubCity === null ? null : { cityId: hubCity, topics: [`hub/${hubCity}/alerts/#`, `hub/${hubCity}/indicators/#`], commandTopic: null, incidentCommandTopic: null, replyTopic: `hub/${hubCity}/replies/op`, apiBase: '/api/hub' },
});

describe('displayTopicPlan', () => {
  it('subscribes a display with a hub grant of its city to the hub topics only, and drops the raw sensor filter a kept session may hold', () => {
    expect(displayTopicPlan(info('demo'), 'demo')).toEqual({
      topics: ['hub/demo/alerts/#', 'hub/demo/indicators/#', 'hub/demo/replies/op'],
      drop: ['city/demo/#'],
    });
  });

  it('keeps non-sensor topics of the feed grant after the hub\'s, and drops every raw filter', () => {
    expect(displayTopicPlan(info('demo', ['feed/#', 'city/demo/#', '#']), 'demo')).toEqual({
      // The hub's topics first: the broker sends retained messages filter by filter in SUBSCRIBE order.
      topics: ['hub/demo/alerts/#', 'hub/demo/indicators/#', 'hub/demo/replies/op', 'feed/#'],
      drop: ['city/demo/#', '#'],
    });
  });

  it('keeps the raw readings without a hub grant, or with one for another city (the page runs the rules itself)', () => {
    expect(displayTopicPlan(info(null), 'demo')).toEqual({ topics: ['city/demo/#'], drop: [] });
    expect(displayTopicPlan(info('other'), 'demo')).toEqual({ topics: ['city/demo/#'], drop: [] });
    expect(displayTopicPlan(null, 'demo')).toEqual({ topics: [], drop: [] });
  });
});
