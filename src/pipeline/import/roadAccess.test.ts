import { describe, expect, it } from 'vitest';
import { reverseModes, travelModesFromTags } from './roadAccess';
import { roadFromTags } from './roadFromTags';

const modes = (tags: Record<string, string>) => travelModesFromTags(tags);

describe('travelModesFromTags', () => {
  it('keeps cars off footways, pedestrian streets, steps, paths, cycleways and tracks', () => {
    for (const highway of ['footway', 'pedestrian', 'steps', 'path', 'cycleway', 'track', 'bridleway', 'corridor', 'busway']) {
      expect(modes({ highway }).car, highway).toBe('none');
      // Even when the way says cars may: the class rules first.
      expect(modes({ highway, motor_vehicle: 'yes' }).car, highway).toBe('none');
    }
    expect(modes({ highway: 'footway' }).walk).toBe('both');
    expect(modes({ highway: 'steps' }).walk).toBe('both');
  });

  it('lets the most specific access tag decide, per mode', () => {
    expect(modes({ highway: 'residential', access: 'no' })).toEqual({ car: 'none', walk: 'none' });
    expect(modes({ highway: 'residential', motor_vehicle: 'no' })).toEqual({ car: 'none', walk: 'both' });
    expect(modes({ highway: 'residential', vehicle: 'no' })).toEqual({ car: 'none', walk: 'both' });
    expect(modes({ highway: 'residential', access: 'no', motor_vehicle: 'yes' })).toEqual({ car: 'both', walk: 'none' });
    expect(modes({ highway: 'residential', motor_vehicle: 'no', motorcar: 'yes' }).car).toBe('both');
    expect(modes({ highway: 'service', access: 'private' })).toEqual({ car: 'none', walk: 'none' });
    expect(modes({ highway: 'service', access: 'private', foot: 'yes' })).toEqual({ car: 'none', walk: 'both' });
    expect(modes({ highway: 'service', access: 'destination' }).car).toBe('both');
    expect(modes({ highway: 'primary', foot: 'no' })).toEqual({ car: 'both', walk: 'none' });
    expect(modes({ highway: 'primary', motor_vehicle: 'psv' }).car).toBe('none');
  });

  it('reads one-way per mode: cars follow oneway, walkers only oneway:foot, foot-only ways and escalators', () => {
    expect(modes({ highway: 'secondary', oneway: 'yes' })).toEqual({ car: 'forward', walk: 'both' });
    expect(modes({ highway: 'secondary', oneway: '-1' })).toEqual({ car: 'backward', walk: 'both' });
    expect(modes({ highway: 'secondary', oneway: 'reversible' }).car).toBe('none');
    expect(modes({ highway: 'secondary', oneway: 'yes', 'oneway:motor_vehicle': 'no' }).car).toBe('both');
    expect(modes({ highway: 'tertiary', junction: 'roundabout' }).car).toBe('forward');
    expect(modes({ highway: 'motorway' })).toEqual({ car: 'forward', walk: 'none' });
    expect(modes({ highway: 'residential', 'oneway:foot': 'yes' }).walk).toBe('forward');
    expect(modes({ highway: 'footway', oneway: 'yes' }).walk).toBe('forward');
    expect(modes({ highway: 'steps', conveying: 'backward' }).walk).toBe('backward');
  });

  it('needs foot=yes for walking on cycleways and bridleways', () => {
    expect(modes({ highway: 'cycleway' }).walk).toBe('none');
    expect(modes({ highway: 'cycleway', foot: 'designated' }).walk).toBe('both');
  });

  it('flips directions for a reversed way', () => {
    expect(reverseModes({ car: 'backward', walk: 'forward' })).toEqual({ car: 'forward', walk: 'backward' });
  });
});

describe('roadFromTags with modes', () => {
  it('skips ways nobody may use, saying why', () => {
    expect(roadFromTags({ highway: 'cycleway' })).toEqual({ skip: 'highway=cycleway: no car or walk access' });
    expect(roadFromTags({ highway: 'service', access: 'private' })).toEqual({ skip: 'highway=service access=private: no car or walk access' });
    expect(roadFromTags({ highway: 'footway' })).toMatchObject({ direction: 0, modes: { car: 'none', walk: 'both' } });
  });
});
