import type { CityTwin } from '../twin/CityTwin';
import type { AreaQueryPanel } from '../ui/drilldown/AreaQueryPanel';
import type { DrillDownPanel } from '../ui/drilldown/DrillDownPanel';
import type { CesiumWorkspace } from '../view/cesium/CesiumWorkspace';
import type { BuildingColorShader } from '../view/cesium/BuildingColorShader';
import type { TilesetLoadState } from '../view/cesium/CityTilesets';
import type { OverlayMirror } from '../view/overlay/OverlayMirror';
import type { OverlayModel } from '../view/overlay/OverlayModel';
import type { WallView } from '../view/three/WallView';
import type { LiveDispatch } from './features/dispatch/DispatchFeature';
import type { LiveSimulation } from './features/flood/FloodWhatIfFeature';
import type { LiveSigns } from './features/liveSigns/LiveSignsFeature';
import type { ScenarioMode } from './features/scenarios/ScenariosFeature';
import type { WallFlood } from './features/wall/WallFloodFeature';
import type { LiveSun } from './features/analysis/sun/SunFeature';
import type { LiveSunlight } from './features/analysis/sunlight/SunlightFeature';
import type { WallAnalysis } from './features/analysis/WallAnalysisFeature';
import type { LiveSight } from './features/analysis/sight/SightFeature';
import type { LiveMeasure } from './features/analysis/measure/MeasureFeature';
import type { LiveLimits } from './features/analysis/limits/LimitsFeature';
import type { LiveSection } from './features/analysis/section/SectionFeature';
import type { FeatureHost } from './host/FeatureHost';
import type { LiveScope } from './features/scope/TierScopeFeature';
import type { LiveIncidents } from './features/incidents/IncidentsFeature';
import type { HubReplay } from '../hub/client/HubReplay';
import type { FloodHubRelayFeature } from './features/flood/FloodHubRelayFeature';
import type { ScenarioHubRelayFeature } from './features/scenarios/ScenarioHubRelayFeature';
import type { RemoteScenarioRun } from './features/wall/RemoteScenarioRun';
import type { WallCommandBoard } from './features/wall/WallCommandBoard';

/**
 * `window.twin`, as browser tests and operators' consoles see it: declared once, here. Each
 * member is put there by the view or the feature named beside it (FeatureHost.expose); members a
 * page does not run stay undefined.
 */
export interface TwinHandle {
  view: 'workspace' | 'wall';
  /** The overlay model both views draw. */
  overlay: OverlayModel;
  host: FeatureHost;
  load: TilesetLoadState;
  /** Milliseconds from the view's start until its tilesets settled (body[data-tilesets="loaded"]). */
  loadedAtMs: number | null;
  /** Workspace view. */
  workspace: CesiumWorkspace;
  /** The workspace's building colour state (stats, texture uploads). */
  colours?: BuildingColorShader;
  /** Wall view. */
  wall?: WallView;
  /** drilldown: the city model and the drill-down panel (body[data-twin-model="ready"]). */
  model?: CityTwin;
  drilldown?: DrillDownPanel;
  /** areaQuery. */
  area?: AreaQueryPanel;
  /** liveSigns, once its feed connection is set up. */
  signs?: LiveSigns;
  /** dispatch, once the road network is loaded (body[data-dispatch="ready"]). */
  dispatch?: LiveDispatch;
  /** flood (workspace). */
  simulation?: LiveSimulation;
  /** scenarios. */
  scenario?: ScenarioMode;
  /** wallFlood. */
  flood?: WallFlood;
  /** overlayMirror. */
  mirror?: OverlayMirror;
  /** Analysis tools (workspace): sun and shadows, sunlight hours, sight, measurement, limits and skyline, section. */
  sun?: LiveSun;
  sunlight?: LiveSunlight;
  sight?: LiveSight;
  measure?: LiveMeasure;
  limits?: LiveLimits;
  section?: LiveSection;
  /** floodHubRelay (workspace): the flood what-if sent to walls on other machines through the hub. */
  floodRelay?: FloodHubRelayFeature;
  /** scenarioHubRelay (workspace): the scenario run sent to walls on other machines through the hub. */
  scenarioRelay?: ScenarioHubRelayFeature;
  /** wallScenario: a scenario run that reached the wall through the hub, computed here. */
  wallScenario?: RemoteScenarioRun;
  /** tierScope: the district or street a tier view shows. */
  scope?: LiveScope;
  /** incidents (workspace): incident command on the hub, while the hub is granted. */
  incidents?: LiveIncidents;
  /** replay (workspace, and the wall while replaying): the last 24 h from the hub's store, while the hub is granted. */
  replay?: HubReplay;
  /** wallCommand: the command panels, while the hub is granted. */
  command?: WallCommandBoard;
  /** wallAnalysis: the workspace's sun and section as the wall applies them. */
  wallAnalysis?: WallAnalysis;
}

declare global {
  interface Window { twin?: TwinHandle }
}
