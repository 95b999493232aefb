import type { Scenario, ScenarioEvent, ScenarioIntervention, ScenarioModels } from '../schema/Scenario';
import { shortJson } from '../../schema/JsonIssue';
import type { ScenarioIssue } from './ScenarioValidationError';

/** What a scenario may name in its city: the extent and the ids of communities, sensors and roads. */
export interface CityIndex {
  /** The city package's name (the scenario's `city` must be it). */
  city: string;
  /** [westDeg, southDeg, eastDeg, northDeg] of the modelled ground (the DEM). */
  boundsLonLat: [number, number, number, number];
  communityIds: ReadonlySet<string>;
  sensorIds: ReadonlySet<string>;
  roadIds: ReadonlySet<string>;
  stationIds: ReadonlySet<string>;
  /** Fire stations of the city (dispatch to a fire needs one). */
  fireStations: number;
  /** Building ids (clearBuildings may name them); omitted: not checked. */
  buildingIds?: ReadonlySet<string>;
}

type Issue = Omit<ScenarioIssue, 'line' | 'column'>;

/** Every event and intervention of the file (baseline and variant additions) with its pointer. */
function allItems(s: Scenario): Array<[ScenarioEvent | ScenarioIntervention, string]> {
  const out: Array<[ScenarioEvent | ScenarioIntervention, string]> = [];
  s.events.forEach((e, k) => out.push([e, `/events/${k}`]));
  s.interventions.forEach((i, k) => out.push([i, `/interventions/${k}`]));
  s.variants.forEach((v, n) => {
    v.addEvents?.forEach((e, k) => out.push([e, `/variants/${n}/addEvents/${k}`]));
    v.addInterventions?.forEach((i, k) => out.push([i, `/variants/${n}/addInterventions/${k}`]));
  });
  return out;
}

/**
 * Checks the names and places a scenario uses against its city: points inside the city's extent,
 * community, sensor and road ids that exist. Issues name the JSON pointer and what was expected.
 */
export function cityIssues(s: Scenario, city: CityIndex): Issue[] {
  const out: Issue[] = [];
  if (s.city !== city.city) out.push({ pointer: '/city', expected: `the city the scenario is checked against, "${city.city}"`, got: shortJson(s.city) });
  const [w, so, e, n] = city.boundsLonLat;
  const extent = `inside the city [${[w, so, e, n].map((v) => v.toFixed(4)).join(', ')}]`;
  const point = (lon: number, lat: number, at: string) => {
    if (!(lon >= w && lon <= e && lat >= so && lat <= n)) out.push({ pointer: at, expected: `a point ${extent}`, got: shortJson([lon, lat]) });
  };
  const known = (set: ReadonlySet<string>, id: string, at: string, what: string) => {
    if (!set.has(id)) out.push({ pointer: at, expected: `the id of a ${what} of the city (${set.size} exist, e.g. ${shortJson([...set].slice(0, 2))})`, got: shortJson(id) });
  };
  if (s.region) {
    const [rw, rs, re, rn] = s.region.bboxLonLat;
    if (!(re > rw && rn > rs)) out.push({ pointer: '/region/bboxLonLat', expected: 'east > west and north > south', got: shortJson(s.region.bboxLonLat) });
    else if (rw < w || re > e || rs < so || rn > n) out.push({ pointer: '/region/bboxLonLat', expected: `a box ${extent}`, got: shortJson(s.region.bboxLonLat) });
  }
  for (const [it, at] of allItems(s)) {
    if ('lonDeg' in it) point(it.lonDeg, it.latDeg, at);
    if (it.kind === 'roadClosure') {
      it.at?.forEach((p, k) => point(p[0], p[1], `${at}/at/${k}`));
      it.roadIds?.forEach((id, k) => known(city.roadIds, id, `${at}/roadIds/${k}`, 'road'));
    }
    if (it.kind === 'rerouteTraffic') {
      it.corridorAt?.forEach((p, k) => point(p[0], p[1], `${at}/corridorAt/${k}`));
      it.corridorRoadIds?.forEach((id, k) => known(city.roadIds, id, `${at}/corridorRoadIds/${k}`, 'road'));
    }
    if (it.kind === 'outbreak') known(city.communityIds, it.communityId, `${at}/communityId`, 'community');
    if (it.kind === 'closeCommunity' || it.kind === 'reduceContacts') it.communityIds?.forEach((id, k) => known(city.communityIds, id, `${at}/communityIds/${k}`, 'community'));
    if (it.kind === 'sensorOverride') known(city.sensorIds, it.sensorId, `${at}/sensorId`, 'sensor');
    if (it.kind === 'incident' && city.stationIds.size === 0 && !s.interventions.some((i) => i.kind === 'addStation')) {
      out.push({ pointer: at, expected: `a city with emergency stations to dispatch from (city "${city.city}" lists none in its resources; add an addStation intervention or import resources)` });
    } else if (it.kind === 'incident' && (it.requirements.fireEngine ?? 0) > 0 && city.fireStations === 0 && !s.interventions.some((i) => i.kind === 'addStation')) {
      out.push({ pointer: `${at}/requirements/fireEngine`, expected: `a city with fire stations (city "${city.city}" has none in its resources)`, got: shortJson(it.requirements.fireEngine) });
    }
    if (it.kind === 'proposeBuilding') (it.footprint ?? it.geometry?.coordinates[0])?.forEach((p, k) => point(p[0], p[1], `${at}/${it.footprint ? 'footprint' : 'geometry/coordinates/0'}/${k}`));
    if (it.kind === 'clearBuildings') {
      it.polygon?.forEach((p, k) => point(p[0], p[1], `${at}/polygon/${k}`));
      const ids = city.buildingIds;
      if (ids) it.buildingIds?.forEach((id, k) => known(ids, id, `${at}/buildingIds/${k}`, 'building'));
    }
  }
  s.site?.polygon.forEach((p, k) => point(p[0], p[1], `/site/polygon/${k}`));
  s.site?.viewpoints?.forEach((v, k) => {
    point(v.lonDeg, v.latDeg, `/site/viewpoints/${k}`);
    v.targets?.forEach((t, j) => point(t.lonDeg, t.latDeg, `/site/viewpoints/${k}/targets/${j}`));
  });
  const trips = (m: ScenarioModels | undefined, at: string) => m?.traffic?.probeTrips?.forEach((t, k) => {
    point(t.from[0], t.from[1], `${at}/traffic/probeTrips/${k}/from`);
    point(t.to[0], t.to[1], `${at}/traffic/probeTrips/${k}/to`);
  });
  trips(s.models, '/models');
  s.variants.forEach((v, k) => trips(v.models, `/variants/${k}/models`));
  return out;
}
