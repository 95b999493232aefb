import type { FeatureHost } from './FeatureHost';

/**
 * One feature of the twin (building info, live signs, dispatch, flood what-if...), shaped like a
 * 3DTilesRendererJS plugin: a name, `init(host)` and `dispose()`. Everything a feature touches comes
 * from the host (city, view, overlay model, legend, side-panel slot, detail drawer, shortcuts,
 * URL state, clicks, the test handle), so a feature never reaches into another's DOM or state.
 * See src/app/README.md for the life of a feature and a worked example.
 */
export interface Feature {
  /** Unique per page; names its side-panel slot, shortcuts and URL keys in error messages. */
  readonly name: string;
  /**
   * Mounts panels, registers shortcuts and clicks, subscribes. The host awaits each init in list
   * order, so keep it short: start long work (loading a network, a model) with
   * `host.background(name, promise)` and say its progress in your section.
   */
  init(host: FeatureHost): void | Promise<void>;
  /** Removes everything the feature added; safe to call twice. */
  dispose(): void;
}
