import { describe, expect, it } from 'vitest';
import { validateDispatchScenario } from './DispatchScenario';

const ok = { incidents: [{ id: 'a', lonLat: [104.05, 30.66], requirements: { fire_engine: 2, ambulance: 1 } }] };

describe('validateDispatchScenario', () => {
  it('fills defaults for a minimal scenario', () => {
    expect(validateDispatchScenario(ok, 's.json')).toEqual({
      city: 'demo', objective: 'total', fleet: 'city', unavailableUnits: [], closures: [], incidents: [{ ...ok.incidents[0], kind: undefined }],
    });
  });

  it('names the file, the JSON path and what was expected', () => {
    const bad = (doc: unknown) => () => validateDispatchScenario(doc, 'x.json');
    expect(bad([])).toThrow('x.json: $: expected an object, got []');
    expect(bad({})).toThrow('x.json: $.incidents: expected an array, got nothing');
    expect(bad({ incidents: [] })).toThrow('x.json: $.incidents: expected at least one incident');
    expect(bad({ incidents: [{ ...ok.incidents[0], lonLat: [104] }] })).toThrow('x.json: $.incidents[0].lonLat: expected [lonDeg, latDeg], got [104]');
    expect(bad({ incidents: [{ ...ok.incidents[0], requirements: { fire_engine: 'two' } }] })).toThrow('x.json: $.incidents[0].requirements.fire_engine: expected a non-negative integer, got "two"');
    expect(bad({ incidents: [{ ...ok.incidents[0], requirements: { fire_engine: 1.5 } }] })).toThrow('requirements.fire_engine: expected a non-negative integer, got 1.5');
    expect(bad({ incidents: [{ ...ok.incidents[0], requirements: { tank: 1 } }] })).toThrow('$.incidents[0].requirements key "tank": expected one of fire_engine, ambulance, police_car');
    expect(bad({ ...ok, objective: 'fastest' })).toThrow('x.json: $.objective: expected "total" or "worst", got "fastest"');
    expect(bad({ ...ok, closures: [{ lonLat: [104, 30], factor: 0.5 }] })).toThrow('$.closures[0].factor: expected a number >= 1');
    expect(bad({ ...ok, incidnets: [] })).toThrow('x.json: $.incidnets: expected no such field');
    expect(bad({ incidents: [ok.incidents[0], ok.incidents[0]] })).toThrow('$.incidents[1].id: expected a unique id, got "a"');
    expect(bad({ ...ok, fleet: { stations: [{ id: 's', kind: 'x', lonLat: [104, 30] }], units: [{ id: 'u', kind: 'fire_engine', stationId: 't' }] } }))
      .toThrow('$.fleet.units[0].stationId: expected the id of a station in $.fleet.stations, got "t"');
    expect(bad({ ...ok, newStations: { stationKind: 'fire_station', k: 0, targetMinutes: 4 } })).toThrow('$.newStations.k: expected a positive integer, got 0');
  });
});
