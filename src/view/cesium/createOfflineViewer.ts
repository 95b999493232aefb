import { Color, Ion, Viewer, EllipsoidTerrainProvider } from 'cesium';

/**
 * A Cesium Viewer that never leaves our origin: no ion token, no Bing imagery, no geocoder, no
 * base layer (the city's own terrain tileset is the ground), and rendering settings that keep
 * software WebGL usable (one MSAA sample, no sky atmosphere or fog, render on demand).
 */
export function createOfflineViewer(container: HTMLElement): Viewer {
  Ion.defaultAccessToken = '';
  const viewer = new Viewer(container, {
    baseLayer: false,
    terrainProvider: new EllipsoidTerrainProvider(),
    geocoder: false, baseLayerPicker: false, homeButton: false, sceneModePicker: false,
    navigationHelpButton: false, animation: false, timeline: false, fullscreenButton: false,
    infoBox: false, selectionIndicator: false, shouldAnimate: false,
    requestRenderMode: true, maximumRenderTimeChange: Infinity, msaaSamples: 1,
  });
  const { scene } = viewer;
  scene.globe.baseColor = Color.fromCssColorString('#1d2630');
  scene.globe.showGroundAtmosphere = false;
  // The globe carries no imagery and no terrain (a flat base colour under the city's own terrain
  // tileset): refining it buys nothing visible, and on software WebGL each of the ~15 extra frames
  // its finer tiles cost after the city loaded took ~0.5 s of a core (measured: the globe finished
  // 4-11 s after the tilesets at the default 2 px, 3-5 s at 16 px, same picture).
  scene.globe.maximumScreenSpaceError = 16;
  scene.fog.enabled = false;
  if (scene.skyAtmosphere) scene.skyAtmosphere.show = false;
  if (scene.skyBox) (scene.skyBox as unknown as { show: boolean }).show = false;
  if (scene.sun) scene.sun.show = false;
  if (scene.moon) scene.moon.show = false;
  scene.backgroundColor = Color.fromCssColorString('#0b1016');
  scene.postProcessStages.fxaa.enabled = false;
  viewer.cesiumWidget.creditContainer.setAttribute('style', 'display:none');
  return viewer;
}
