import { ringArea } from '../../analysis/scene/PrismSet';
import { pointInRing } from '../../twin/BuildingGrid';
import { buildingExtentM } from '../../twin/buildingExtent';
import { centroid, planeRing } from '../city/applyMassing';
import { polygonFeature, type Feature } from '../layers/GeoJson';
import type { ModuleContext, ModuleOutput, RunModule } from '../run/ModuleContext';
import { siteSunlight } from './planningSunlight';
import { siteViews } from './planningViews';

/**
 * Massing study of the scenario's site (src/analysis in the run's thread): people and floor area on
 * the site, sunlight of the neighbouring residential floors (GB 50180) before and after the
 * proposed and cleared buildings, the skyline rise from each viewpoint and the view corridors
 * blocked. The baseline (no massing) reports the city as it stands: nothing lost.
 */
export const planningModule: RunModule = {
  name: 'planning',
  async run(ctx: ModuleContext): Promise<ModuleOutput> {
    const s = ctx.scenario, after = ctx.city, before = ctx.baseCity ?? ctx.city, frame = after.frame;
    const siteRing = planeRing(frame, s.site!.polygon);
    const onSite = after.city.buildings.filter((b) => pointInRing(...centroid(b.footprint), siteRing));
    const sun = siteSunlight(s, siteRing, before, after, ctx.signal, (f) => ctx.onProgress(0.8 * f));
    const views = siteViews(s, before, after);
    ctx.onProgress(1);
    const toLonLat = (ring: ReadonlyArray<readonly [number, number]>) => ring.map(([x, y]) => frame.toLonLat(x, y));
    const neighbours: Feature[] = sun.neighbours.map((n) => polygonFeature(toLonLat(n.building.footprint), {
      id: n.building.id, floors: n.building.floors, floorsBelow: n.floorsBelow, floorsLosingStandard: n.floorsLosingStandard,
      minutesLost: n.minutesLost, worstFloorMinutes: n.worstMinutes, requiredMinutes: sun.requiredMin,
    }));
    const proposed = (ctx.massing?.proposed ?? []).map((b) => {
      const { baseM, roofM } = buildingExtentM(b, after.city.dem);
      return polygonFeature(toLonLat(b.footprint), { id: b.id, name: b.address, heightM: b.heightM, floors: b.floors, use: b.use, population: b.population, extrudeBaseM: round2(baseM), extrudeTopM: round2(roofM) });
    });
    const kept = new Map(after.city.buildings.map((b) => [b.id, b]));
    const cleared = (ctx.massing?.cleared ?? []).map((c) => {
      // A flattened building stays as a stump: drawn as a solid where the original is hidden.
      const stump = c.mode === 'flatten' ? kept.get(c.before.id) : undefined;
      const solid = stump ? buildingExtentM(stump, after.city.dem) : null;
      return polygonFeature(toLonLat(c.before.footprint), {
        id: c.before.id, mode: c.mode, heightM: c.before.heightM, intervention: c.interventionId,
        ...(solid ? { keptHeightM: stump!.heightM, extrudeBaseM: round2(solid.baseM), extrudeTopM: round2(solid.roofM) } : {}),
      });
    });
    return {
      kpis: {
        sitePeople: onSite.reduce((a, b) => a + b.population, 0),
        siteFloorAreaM2: Math.round(onSite.reduce((a, b) => a + Math.abs(ringArea(b.footprint)) * b.floors, 0)),
        sunlightFloorsBelow: sun.neighbours.reduce((a, n) => a + n.floorsBelow, 0),
        sunlightMinutesLost: sun.neighbours.reduce((a, n) => a + n.minutesLost, 0),
        floorsLosingSunlightStandard: sun.neighbours.reduce((a, n) => a + n.floorsLosingStandard, 0),
        skylineMaxRiseDeg: views.maxRiseDeg,
        viewCorridorsBlocked: views.corridorsBlocked,
      },
      series: [],
      layers: [
        { id: 'site', title: 'Planning site', style: { color: '#0ea5e9', fillOpacity: 0.1, lineWidthPx: 2 }, features: [polygonFeature(s.site!.polygon, { name: s.site!.name ?? 'site' })] },
        { id: 'proposed-buildings', title: 'Proposed buildings', style: { color: '#a855f7', fillOpacity: 0.8 }, features: proposed },
        { id: 'cleared-buildings', title: 'Buildings removed or flattened (taken out of the views; a flattened one stands as its stump)', style: { color: '#64748b', fillOpacity: 0.5, hidesBuildings: true }, features: cleared },
        {
          id: 'sunlight-neighbours', title: 'Neighbouring homes: sunlight minutes lost', features: neighbours,
          style: { color: '#22c55e', fillOpacity: 0.7, colorBy: { property: 'minutesLost', stops: [[0, '#22c55e'], [1, '#facc15'], [60, '#f97316'], [300, '#dc2626']] } },
        },
        { id: 'skyline', title: 'Where the skyline is formed (from each viewpoint)', style: { color: '#f472b6', lineWidthPx: 2 }, features: views.features.skyline },
        { id: 'view-corridors', title: 'View corridors', style: { color: '#22c55e', lineWidthPx: 3, colorBy: { property: 'state', categories: { clear: '#22c55e', blocked: '#dc2626' } } }, features: views.features.corridors },
      ],
    };
  },
};

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
