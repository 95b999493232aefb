import type { DetailDrawer } from '../../ui/layout/DetailDrawer';
import type { SidePanel } from '../../ui/layout/SidePanel';
import type { Legend } from '../../ui/Legend';
import type { OverlayModel } from '../../view/overlay/OverlayModel';
import type { CityContext } from './CityContext';
import { ClickRouter } from './ClickRouter';
import { ColourChoices } from './ColourChoices';
import { Selection } from './Selection';
import { SLOT_GROUPS, SLOT_PLACES, type Role, type RoleLayout } from './roles';
import type { ShortcutRegistry } from './ShortcutRegistry';
import type { PageHandle } from './PageHandle';
import type { UrlState } from './UrlState';
import type { ViewPort } from './ViewPort';

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

/** What a host is made of; main.ts builds one per page. */
export interface HostParts {
  view: ViewPort;
  city: CityContext;
  overlay: OverlayModel;
  legend: Legend;
  /** The side panel and detail drawer (the wall has neither). */
  panel: SidePanel | null;
  details: DetailDrawer | null;
  shortcuts: ShortcutRegistry;
  url: UrlState;
  role: Role | 'all';
  layout: RoleLayout;
  /** The status line. */
  status: HTMLElement;
  /** The top bar's control group, where features add buttons and selects. */
  topbar: HTMLElement | null;
  /** `window.twin`. */
  handle: PageHandle;
}

/**
 * The host every feature is given: the city, the view, the overlay model (the only way to draw
 * and colour), the legend, a side-panel section, the detail drawer, keyboard shortcuts, URL
 * state, clicks and the test handle (`window.twin`). It starts features in list order and
 * disposes them in reverse; a feature that fails says why in its section or the status line.
 */
export class FeatureHost {
  readonly clicks = new ClickRouter();
  /** The building colourings offered in the top bar (one applied at a time). */
  readonly colours = new ColourChoices();
  /** The spatial unit selected in the drill-down (null: none, or the whole city). */
  readonly selection = new Selection();
  private readonly features: Feature[] = [];

  constructor(readonly parts: HostParts) {
    parts.handle.expose('view', parts.view.kind);
    parts.handle.expose('overlay', parts.overlay);
    parts.handle.expose('host', this);
  }

  get view(): ViewPort { return this.parts.view; }
  get city(): CityContext { return this.parts.city; }
  get overlay(): OverlayModel { return this.parts.overlay; }
  get legend(): Legend { return this.parts.legend; }
  get shortcuts(): ShortcutRegistry { return this.parts.shortcuts; }
  get url(): UrlState { return this.parts.url; }
  get role(): Role | 'all' { return this.parts.role; }

  /**
   * A side-panel section for a feature, placed by SLOT_PLACES and opened or collapsed by the
   * role's layout; null where the page has no side panel (the wall) or the role omits it.
   */
  slot(id: string, title: string): HTMLElement | null {
    const place = SLOT_PLACES[id];
    if (!place) throw new Error(`no side-panel place for section '${id}': add it to SLOT_PLACES in src/app/host/roles.ts`);
    if (!this.parts.panel || this.parts.layout.omit.includes(id)) return null;
    const group = place.group ? { id: place.group, ...SLOT_GROUPS[place.group] } : undefined;
    return this.parts.panel.slot({ id, title, tab: place.tab, order: place.order, open: this.parts.layout.open.includes(id), group });
  }

  /** Brings a section into view (its tab selected, opened, scrolled to). */
  reveal(sectionId: string): void {
    this.parts.panel?.reveal(sectionId);
  }

  /** The detail drawer: where results the user asked for appear (null on the wall). */
  get details(): DetailDrawer | null { return this.parts.details; }

  /** Puts a value on the test handle (`window.twin[key]`), for browser tests and operators' consoles. */
  expose(key: string, value: unknown): void {
    this.parts.handle.expose(key, value);
  }

  /** A page state browser tests and screens wait on: `body[data-<key>="<value>"]` (null removes it). */
  announce(key: string, value: string | null): void {
    if (value === null) delete document.body.dataset[key];
    else document.body.dataset[key] = value;
  }

  /** Writes the status line. */
  status(text: string): void {
    this.parts.status.textContent = text;
  }

  /** Adds a control to the top bar (no-op where there is none, e.g. a kiosk). */
  addControl(element: HTMLElement, first = false): void {
    const bar = this.parts.topbar;
    if (!bar) return;
    if (first) bar.prepend(element); else bar.appendChild(element);
  }

  /**
   * Starts features in list order, each `init` awaited before the next (so sections and
   * shortcuts appear in a fixed order). A failure is reported and the rest carry on.
   */
  async start(features: readonly Feature[]): Promise<void> {
    for (const f of features) {
      if (this.features.some((g) => g.name === f.name)) throw new Error(`feature '${f.name}' is listed twice`);
      this.features.push(f);
      try {
        await f.init(this);
      } catch (err) {
        this.fail(f.name, err as Error);
      }
    }
  }

  /** Runs a feature's background work (loading, preparing), reporting a failure like a failed init. */
  background(feature: string, work: Promise<unknown>): void {
    work.catch((err: Error) => this.fail(feature, err));
  }

  /** Says in the page that a feature could not start, and why. */
  fail(feature: string, err: Error): void {
    console.error(`${feature}: ${err.message}`, err);
    this.status(`${feature} unavailable: ${err.message}`);
  }

  dispose(): void {
    for (const f of this.features.splice(0).reverse()) f.dispose();
  }
}
