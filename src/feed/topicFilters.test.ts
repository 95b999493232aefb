import { describe, expect, it } from 'vitest';
import { filterCovers, topicMatches } from './topicFilters';

describe('topicMatches', () => {
  it('matches literal levels, + for one level and # for the rest', () => {
    expect(topicMatches('city/#', 'city/510104/fire_alarm/FA-1')).toBe(true);
    expect(topicMatches('city/#', 'city')).toBe(true);
    expect(topicMatches('city/+/fire_alarm/+', 'city/510104/fire_alarm/FA-1')).toBe(true);
    expect(topicMatches('city/+/fire_alarm/+', 'city/510104/rainfall/RF-1')).toBe(false);
    expect(topicMatches('control/#', 'city/510104/x/y')).toBe(false);
    expect(topicMatches('feed/info', 'feed/info/x')).toBe(false);
    expect(topicMatches('#', 'anything/at/all')).toBe(true);
  });
});

describe('filterCovers', () => {
  it('accepts a requested filter only when the allowed one covers all it can match', () => {
    expect(filterCovers('city/#', 'city/#')).toBe(true);
    expect(filterCovers('city/#', 'city/510104/+/+')).toBe(true);
    expect(filterCovers('city/#', '#')).toBe(false);
    expect(filterCovers('city/+/fire_alarm/#', 'city/+/fire_alarm/FA-1')).toBe(true);
    expect(filterCovers('city/+/fire_alarm/#', 'city/+/+/FA-1')).toBe(false);
    expect(filterCovers('city/510104/#', 'city/+/rainfall/#')).toBe(false);
    expect(filterCovers('feed/info', 'feed/#')).toBe(false);
  });
});
