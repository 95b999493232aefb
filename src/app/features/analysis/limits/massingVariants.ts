import type { SceneData } from '../../../../analysis/scene/AnalysisScene';
import { citySceneData } from '../../../../analysis/scene/citySceneData';
import type { DemGrid } from '../../../../geo/DemGrid';
import type { LocalFrame } from '../../../../geo/LocalFrame';
import { applyMassing } from '../../../../scenario/city/applyMassing';
import type { Scenario } from '../../../../scenario/schema/Scenario';
import { applyVariant } from '../../../../scenario/variants/applyVariant';
import type { BuildingRecord } from '../../../../twin/BuildingRecord';

const MASSING = new Set(['proposeBuilding', 'clearBuildings']);

/** The variants of scenarios that add or clear buildings, as 'scenarioId/variant' with a label. */
export function massingVariants(scenarios: readonly Scenario[]): Array<[value: string, label: string]> {
  return scenarios.flatMap((s) => s.variants
    .filter((v) => [...(v.addInterventions ?? []), ...s.interventions].some((i) => MASSING.has(i.kind)))
    .map((v): [string, string] => [`${s.id}/${v.name}`, `${s.title.length > 48 ? `${s.title.slice(0, 47)}…` : s.title}: ${v.title ?? v.name}`]));
}

/** The city's scene after a variant's massing ('scenarioId/variant'): proposed blocks added, cleared ones gone. */
export function sceneAfter(key: string, scenarios: readonly Scenario[], buildings: ReadonlyArray<BuildingRecord>, dem: DemGrid | null, frame: LocalFrame): { data: SceneData; proposed: number; cleared: number } {
  const [id, variant] = key.split('/');
  const s = scenarios.find((x) => x.id === id);
  if (!s) throw new Error(`no scenario "${id}" (expected one of ${scenarios.map((x) => x.id).join(', ')})`);
  const change = applyMassing(applyVariant(s, variant).scenario as Scenario, buildings, frame);
  if (!change) throw new Error(`variant "${key}" neither proposes nor clears buildings`);
  return { data: citySceneData({ buildings: change.buildings, dem }).data, proposed: change.proposed.length, cleared: change.cleared.length };
}
