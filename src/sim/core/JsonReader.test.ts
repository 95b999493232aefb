import { describe, expect, it } from 'vitest';
import { InputError, JsonReader } from './JsonReader';

describe('JsonReader', () => {
  const r = new JsonReader('s.json');

  it('names the file, the JSON path and what was expected', () => {
    expect(() => r.number(-5, '$.grid.cellSizeM', 0.5, 1000, 'm')).toThrow('s.json: $.grid.cellSizeM: expected a number in [0.5, 1000] m, got -5');
    expect(() => r.string('wet', '$.boundaries.east', ['open', 'closed'])).toThrow('s.json: $.boundaries.east: expected one of "open", "closed", got "wet"');
    expect(() => r.times([0, 5, 5], '$.rainfall.timesS')).toThrow(/\$\.rainfall\.timesS\[2\]: expected a time > 5/);
    expect(() => r.number(undefined, '$.durationS')).toThrow(/got nothing/);
  });

  it('rejects unknown keys so typos do not pass silently', () => {
    expect(() => r.object({ durationS: 1, duraton: 2 }, '$', ['durationS'])).toThrow(InputError);
    expect(() => r.object({ durationS: 1, duraton: 2 }, '$', ['durationS'])).toThrow(/\$\.duraton: expected a known key \(this one is unknown; allowed: durationS\)/);
  });
});
