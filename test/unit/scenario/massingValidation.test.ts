import { describe, expect, it } from 'vitest';
import { applyMassing } from '../../../src/scenario/city/applyMassing';
import { openCityPackage } from '../../../src/pipeline/package/openCityPackage';
import { scenarioCity } from '../../../src/scenario/city/ScenarioCity';

const demo = await scenarioCity('demo', openCityPackage);
import type { Scenario } from '../../../src/scenario/schema/Scenario';
import { ScenarioValidationError } from '../../../src/scenario/validate/ScenarioValidationError';
import { parseScenarioText } from '../../../src/scenario/validate/validateScenario';

const square = (lon: number, lat: number, d = 0.0002) => [[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d]];

const base = (): any => ({
  id: 'massing', title: 'Massing', city: 'demo', start: '2026-01-20T08:00:00+08:00', durationS: 600,
  site: { polygon: square(104.1050, 30.67457, 0.0004) },
  events: [], interventions: [],
  variants: [{ name: 'tower', title: 'Tower', addInterventions: [{ id: 't', kind: 'proposeBuilding', use: 'residential', floors: 30, footprint: square(104.10505, 30.67461) }] }],
  kpis: ['sitePeople', 'sunlightMinutesLost'],
});

function issues(mutate: (s: any) => void, withCity = false) {
  const s = base();
  mutate(s);
  try {
    parseScenarioText(JSON.stringify(s, null, 2), 'scenarios/massing.json', withCity ? demo.index : undefined);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioValidationError);
    return (e as ScenarioValidationError).issues;
  }
  throw new Error('expected the scenario to be rejected');
}

describe('massing interventions', () => {
  it('validates a site with a proposed building and needs the site for planning KPIs', () => {
    expect(() => parseScenarioText(JSON.stringify(base()), 'ok.json')).not.toThrow();
    const [i] = issues((s) => { delete s.site; });
    expect(i).toMatchObject({ pointer: '/kpis/0' });
    expect(i.expected).toMatch(/planning module .* runs with a site/);
  });

  it('asks for a height or floors, and a footprint enclosing some area', () => {
    expect(issues((s) => { delete s.variants[0].addInterventions[0].floors; })[0].pointer).toBe('/variants/0/addInterventions/0');
    const [flat] = issues((s) => { s.variants[0].addInterventions[0].footprint = [[104.105, 30.674], [104.1051, 30.674], [104.1052, 30.674]]; });
    expect(flat).toMatchObject({ pointer: '/variants/0/addInterventions/0/footprint' });
    expect(flat.expected).toMatch(/at least 1 m²/);
  });

  it('checks cleared ids and places against the city, and that a clearance says what to clear', () => {
    const [id] = issues((s) => { s.variants[0].addInterventions.push({ id: 'c', kind: 'clearBuildings', mode: 'remove', buildingIds: ['B999999'] }); }, true);
    expect(id).toMatchObject({ pointer: '/variants/0/addInterventions/1/buildingIds/0' });
    const [where] = issues((s) => { s.site.polygon[0] = [120, 30]; }, true);
    expect(where.pointer).toBe('/site/polygon/0');
    const [what] = issues((s) => { delete s.site; s.kpis = ['sensorAlertsRaised']; s.events = [{ id: 'g', kind: 'sensorOverride', sensorId: 'RF-00001', series: [{ atS: 0, value: 1 }] }]; s.variants[0].addInterventions = [{ id: 'c', kind: 'clearBuildings', mode: 'remove' }]; });
    expect(what.expected).toMatch(/a polygon or buildingIds to clear/);
  });

  it('removes, flattens and proposes buildings in the run\'s city', () => {
    const city = demo;
    const s = base() as Scenario;
    const flatten = { id: 'f', kind: 'clearBuildings', mode: 'flatten', flattenToM: 3, buildingIds: ['B015033'] } as const;
    const m = applyMassing({ ...s, interventions: [flatten, ...s.variants[0].addInterventions!] }, city.city.buildings, city.frame)!;
    expect(m.cleared.map((c) => c.before.id)).toEqual(['B015033']);
    const shed = m.buildings.find((b) => b.id === 'B015033')!;
    expect(shed.heightM).toBe(3);
    expect(m.proposed[0]).toMatchObject({ id: 'P-t', floors: 30, heightM: 90, use: 'residential' });
    expect(m.proposed[0].population).toBeGreaterThan(0);
    expect(m.proposed[0].communityId).not.toBe('');
    const removed = applyMassing({ ...s, interventions: [{ ...flatten, mode: 'remove' }] }, city.city.buildings, city.frame)!;
    expect(removed.buildings.length).toBe(city.city.buildings.length - 1);
  });
});
