import type { SceneModeName } from '../../../view/cesium/CesiumWorkspace';
import type { Feature } from '../../host/Feature';
import type { FeatureHost } from '../../host/FeatureHost';
import type { WorkspaceViewPort } from '../../views/startWorkspaceView';

const MODES: Array<[SceneModeName, string, string, string]> = [
  ['3d', '3D', '3', '3D globe'], ['2d', '2D', '2', '2D map'], ['columbus', 'Columbus', 'c', 'Columbus view'],
];

/** The workspace's 3D / 2D / Columbus switch (keys 3, 2, C) and Home (key H). */
export class SceneModeFeature implements Feature {
  readonly name = 'sceneMode';
  private readonly offs: Array<() => void> = [];

  constructor(private readonly view: WorkspaceViewPort) {}

  init(host: FeatureHost): void {
    const group = document.createElement('div');
    group.className = 'group';
    group.id = 'scene-mode';
    group.setAttribute('role', 'radiogroup');
    group.setAttribute('aria-label', 'Scene mode');
    const buttons = MODES.map(([mode, label, key, title]) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.mode = mode;
      b.textContent = label;
      b.title = `${title} (key ${key.toUpperCase()})`;
      b.setAttribute('aria-pressed', String(mode === '3d'));
      b.addEventListener('click', () => set(mode));
      this.offs.push(host.shortcuts.add(key, `Scene mode: ${title}`, this.name, () => set(mode)));
      return b;
    });
    const set = (mode: SceneModeName) => {
      for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.mode === mode));
      this.view.workspace.setSceneMode(mode);
    };
    group.append(...buttons);
    const home = document.createElement('button');
    home.type = 'button';
    home.id = 'home';
    home.textContent = 'Home';
    home.title = 'Back to the whole city (key H)';
    home.addEventListener('click', () => host.view.flyHome());
    this.offs.push(host.shortcuts.add('h', 'Fly back to the whole city', this.name, () => host.view.flyHome()));
    host.addControl(group, true);
    host.addControl(home);
    this.offs.push(() => { group.remove(); home.remove(); });
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
  }
}
