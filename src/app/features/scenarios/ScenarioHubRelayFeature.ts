import type { ScenarioRunMessage } from '../../../hub/runs/scenarioRunMessage';
import type { Feature } from '../../host/Feature';
import type { FeatureHost } from '../../host/FeatureHost';
import { publishHubRun } from '../hubRuns/publishHubRun';
import type { LiveSigns, LiveSignsFeature } from '../liveSigns/LiveSignsFeature';
import type { ScenariosFeature, ScenarioShown } from './ScenariosFeature';

/** Time changes published at most this often (ms): a slider dragged fast sends its last position. */
const TIME_EVERY_MS = 250;

const newRunId = () => crypto.randomUUID().replaceAll('-', '').slice(0, 16);

/**
 * Sends the scenario run this workspace shows to walls on other machines through the hub's broker:
 * the scenario definition, the variant, compare and the time shown, retained on
 * `hub/<city>/runs/scenario` (withdrawn with an empty retained message when the workspace shows
 * none, or its run fails or is cancelled), so a wall opened later gets it too. It is sent when
 * the run starts: each wall runs it in its own workers meanwhile. Only for
 * accounts the hub lets act (an operator); a viewer's runs reach only the walls of this browser
 * (the overlay mirror).
 */
export class ScenarioHubRelayFeature implements Feature {
  readonly name = 'scenarioHubRelay';
  private off: () => void = () => {};
  private current: ScenarioRunMessage | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Messages published, for tests and the console. */
  published = 0;
  /** Size of the last message sent (bytes of UTF-8 JSON). */
  lastBytes = 0;

  constructor(private readonly live: LiveSignsFeature, private readonly scenarios: ScenariosFeature) {}

  init(host: FeatureHost): void {
    this.live.whenLive((signs) => {
      this.off = this.scenarios.shown.subscribe('change', (s) => this.follow(host, signs, s));
    });
    host.expose('scenarioRelay', this);
  }

  private follow(host: FeatureHost, signs: LiveSigns, s: ScenarioShown | null): void {
    const c = this.current;
    if (!s) {
      if (c) { this.current = null; this.send(host, signs); }
      return;
    }
    const by = signs.session.current?.account.username ?? '';
    if (!c || c.scenario !== s.scenario || c.variant !== s.variant || c.compare !== s.compare) {
      this.current = { v: 1, run: newRunId(), scenario: s.scenario, variant: s.variant, compare: s.compare, timeS: s.timeS, by, atMs: Date.now() };
      this.send(host, signs);
    } else if (c.timeS !== s.timeS) {
      this.current = { ...c, timeS: s.timeS, atMs: Date.now() };
      this.timer ??= setTimeout(() => { this.timer = null; this.send(host, signs); }, TIME_EVERY_MS);
    }
  }

  private send(host: FeatureHost, signs: LiveSigns): void {
    const m = this.current;
    this.lastBytes = m ? new TextEncoder().encode(JSON.stringify(m)).length : 0;
    publishHubRun(signs, 'scenario', m)
      .then((sent) => { if (sent) { this.published++; host.announce('scenarioRelayed', String(this.published)); } })
      .catch((err: Error) => host.status(`Scenario run not sent to other walls: ${err.message}`));
  }

  dispose(): void {
    this.off();
    if (this.timer) clearTimeout(this.timer);
  }
}
