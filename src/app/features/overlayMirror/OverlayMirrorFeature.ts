import { OverlayMirror, overlayMirrorChannel, type MirrorChannel } from '../../../view/overlay/OverlayMirror';
import type { Feature } from '../../host/Feature';
import type { FeatureHost } from '../../host/FeatureHost';

/**
 * Shares results between the displays of a city: the workspace sends its shared overlay layers
 * (coverage, scenario results), each wall window shows them. Over a BroadcastChannel, so within
 * one browser profile; `window.twin.mirror` counts what was applied and dropped.
 */
export class OverlayMirrorFeature implements Feature {
  readonly name = 'overlayMirror';
  private mirror: OverlayMirror | null = null;

  constructor(private readonly role: 'send' | 'receive') {}

  init(host: FeatureHost): void {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(overlayMirrorChannel(host.city.name)) as unknown as MirrorChannel;
    this.mirror = new OverlayMirror(host.overlay, channel, this.role);
    host.expose('mirror', this.mirror);
  }

  dispose(): void {
    this.mirror?.dispose();
    this.mirror = null;
  }
}
