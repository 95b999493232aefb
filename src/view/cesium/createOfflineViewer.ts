import { Color, Ion, Viewer, EllipsoidTerrainProvider } from 'cesium';

/**
 * A Cesium Viewer that never leaves our origin: no ion token, no Bing imagery, no geocoder, no
 * base layer and no globe drawn (the city's own terrain tileset is the ground), and rendering
 * settings that keep software WebGL usable (one MSAA sample, no sky atmosphere or fog, render on demand).
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
  // The globe carries no imagery and no terrain: the city's own terrain tileset is the ground and
  // GroundPrimitive drapes classify both tilesets (ClassificationType.BOTH). Drawn, the globe only
  // coloured the space around the city, yet it kept streaming its own tiles for seconds after the
  // city had loaded, each one a frame: measured on software WebGL, 6-7 frames and 6.5 s of CPU
  // after every page load at 16 px of error (the same at 64 px, half of it at 256 px).
  scene.globe.show = false;
  scene.globe.showGroundAtmosphere = false;
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
