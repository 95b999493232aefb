import { describe, expect, it } from 'vitest';
import { parseMaxspeedKmh, roadFromTags } from './roadFromTags';

describe('roadFromTags', () => {
  it('uses maxspeed when readable and the class default otherwise', () => {
    expect(roadFromTags({ highway: 'primary', maxspeed: '50' })).toMatchObject({ roadClass: 'primary', speedKmh: 50, speedDefaulted: false, direction: 0 });
    expect(roadFromTags({ highway: 'residential' })).toMatchObject({ speedKmh: 30, speedDefaulted: true });
    expect(roadFromTags({ highway: 'primary', maxspeed: 'fast' })).toMatchObject({ speedKmh: 60, badMaxspeed: 'fast' });
  });

  it('derives direction from oneway, roundabouts and motorways', () => {
    expect(roadFromTags({ highway: 'secondary', oneway: 'yes' })).toMatchObject({ direction: 1 });
    expect(roadFromTags({ highway: 'secondary', oneway: '-1' })).toMatchObject({ direction: -1 });
    expect(roadFromTags({ highway: 'tertiary', junction: 'roundabout' })).toMatchObject({ direction: 1 });
    expect(roadFromTags({ highway: 'motorway' })).toMatchObject({ direction: 1, speedKmh: 100 });
    expect(roadFromTags({ highway: 'motorway', oneway: 'no' })).toMatchObject({ direction: 0 });
  });

  it('says why non-travelled highways are skipped and ignores non-roads', () => {
    expect(roadFromTags({ highway: 'proposed' })).toEqual({ skip: 'highway=proposed is not a travelled line' });
    expect(roadFromTags({ highway: 'pedestrian', area: 'yes' })).toEqual({ skip: 'highway=pedestrian area is not a travelled line' });
    expect(roadFromTags({ building: 'yes' })).toBeNull();
  });
});

describe('parseMaxspeedKmh', () => {
  it('reads km/h, mph and named limits', () => {
    expect(parseMaxspeedKmh('50')).toBe(50);
    expect(parseMaxspeedKmh('30 mph')).toBeCloseTo(48.28, 2);
    expect(parseMaxspeedKmh('walk')).toBe(5);
    expect(parseMaxspeedKmh('RU:urban')).toBe(60);
    expect(parseMaxspeedKmh('fast')).toBeNaN();
  });
});
