import { WallAnalysisFeature } from './features/analysis/WallAnalysisFeature';
import { CityPickerFeature } from './features/cityPicker/CityPickerFeature';
import { ColourByFeature } from './features/colourBy/ColourByFeature';
import { ShortcutHelpFeature } from './features/help/ShortcutHelpFeature';
import { LiveSignsFeature } from './features/liveSigns/LiveSignsFeature';
import { OverlayMirrorFeature } from './features/overlayMirror/OverlayMirrorFeature';
import { WallCommandFeature } from './features/wall/WallCommandFeature';
import { WallControlsFeature } from './features/wall/WallControlsFeature';
import { WallFloodFeature } from './features/wall/WallFloodFeature';
import { WallReplayFeature } from './features/wall/WallReplayFeature';
import { WallScenarioFeature } from './features/wall/WallScenarioFeature';
import { TierScopeFeature } from './features/scope/TierScopeFeature';
import type { Feature } from './host/Feature';
import type { WallViewPort } from './views/startWallView';

/**
 * The wall's features: its controls, colouring (static and live, `colour=` in the URL), live
 * alerts as pulsing markers the tour visits and the command panels read from the operations hub
 * (with `feed=on`), the replay of the last 24 h on them (key R), the workspace's flood, scenario runs (through the hub from other machines) and shared results.
 */
export function wallFeatures(view: WallViewPort): Feature[] {
  const live = new LiveSignsFeature(false), command = new WallCommandFeature(view, live);
  return [
    new WallControlsFeature(view), new ColourByFeature(), new ShortcutHelpFeature(), new CityPickerFeature(),
    live, new TierScopeFeature(live), command, new WallReplayFeature(view, live, command), new WallFloodFeature(view, live), new WallScenarioFeature(view, live), new WallAnalysisFeature(view), new OverlayMirrorFeature('receive'),
  ];
}
