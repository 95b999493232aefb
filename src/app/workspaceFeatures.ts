import { LimitsFeature } from './features/analysis/limits/LimitsFeature';
import { MeasureFeature } from './features/analysis/measure/MeasureFeature';
import { SectionFeature } from './features/analysis/section/SectionFeature';
import { SightFeature } from './features/analysis/sight/SightFeature';
import { SunFeature } from './features/analysis/sun/SunFeature';
import { SunlightFeature } from './features/analysis/sunlight/SunlightFeature';
import { AreaQueryFeature } from './features/areaQuery/AreaQueryFeature';
import { BuildingInfoFeature } from './features/buildingInfo/BuildingInfoFeature';
import { CityPickerFeature } from './features/cityPicker/CityPickerFeature';
import { ColourByFeature } from './features/colourBy/ColourByFeature';
import { DispatchFeature } from './features/dispatch/DispatchFeature';
import { DrillDownFeature } from './features/drilldown/DrillDownFeature';
import { IncidentsFeature } from './features/incidents/IncidentsFeature';
import { RoadClosuresFeature } from './features/incidents/RoadClosuresFeature';
import { ReplayFeature } from './features/replay/ReplayFeature';
import { FloodHubRelayFeature } from './features/flood/FloodHubRelayFeature';
import { FloodWhatIfFeature } from './features/flood/FloodWhatIfFeature';
import { ShortcutHelpFeature } from './features/help/ShortcutHelpFeature';
import { LiveSignsFeature } from './features/liveSigns/LiveSignsFeature';
import { OverlayMirrorFeature } from './features/overlayMirror/OverlayMirrorFeature';
import { ScenarioHubRelayFeature } from './features/scenarios/ScenarioHubRelayFeature';
import { ScenariosFeature } from './features/scenarios/ScenariosFeature';
import { SceneModeFeature } from './features/viewControls/SceneModeFeature';
import { WallLinkFeature } from './features/wallLink/WallLinkFeature';
import { TierScopeFeature } from './features/scope/TierScopeFeature';
import type { Feature } from './host/Feature';
import type { WorkspaceViewPort } from './views/startWorkspaceView';

/**
 * The workspace's features, in start order: top-bar controls first (their order is the bar's),
 * then the side panel's sections (placed by roles.ts, whatever the order here).
 */
export function workspaceFeatures(view: WorkspaceViewPort): Feature[] {
  const live = new LiveSignsFeature(), flood = new FloodWhatIfFeature(view), scenarios = new ScenariosFeature(view);
  return [
    new SceneModeFeature(view), new ColourByFeature(), new ShortcutHelpFeature(), new CityPickerFeature(),
    new WallLinkFeature(), live, new TierScopeFeature(live), new IncidentsFeature(live), new RoadClosuresFeature(live), new ReplayFeature(live), new DispatchFeature(),
    new DrillDownFeature(), new AreaQueryFeature(), new BuildingInfoFeature(),
    scenarios, new ScenarioHubRelayFeature(live, scenarios), flood, new FloodHubRelayFeature(live, flood), new SunFeature(view), new SunlightFeature(),
    new SightFeature(), new LimitsFeature(), new SectionFeature(view), new MeasureFeature(), new OverlayMirrorFeature('send'),
  ];
}
