import { ShortcutHelp } from '../../../ui/layout/ShortcutHelp';
import type { Feature } from '../../host/Feature';
import type { FeatureHost } from '../../host/FeatureHost';

/** `?` (or the top bar's ? button) lists every keyboard shortcut; Escape closes the detail drawer. */
export class ShortcutHelpFeature implements Feature {
  readonly name = 'help';
  private help: ShortcutHelp | null = null;
  private readonly offs: Array<() => void> = [];

  init(host: FeatureHost): void {
    const help = (this.help = new ShortcutHelp(document.body, () => host.shortcuts.list()));
    this.offs.push(host.shortcuts.add('?', 'List the keyboard shortcuts', this.name, () => help.open()));
    if (host.details) {
      const details = host.details;
      this.offs.push(host.shortcuts.add('Escape', 'Close the detail drawer', this.name, () => details.close()));
    }
    const b = document.createElement('button');
    b.type = 'button';
    b.id = 'help-button';
    b.textContent = '?';
    b.title = 'Keyboard shortcuts (key ?)';
    b.setAttribute('aria-label', 'Keyboard shortcuts');
    b.addEventListener('click', () => help.open());
    host.addControl(b);
    this.offs.push(() => b.remove());
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
    this.help?.dispose();
    this.help = null;
  }
}
