import type { HubLink } from '../../../hub/client/HubLink';
import type { SessionFeed } from '../../../signs/connection/SessionFeed';
import { SENSOR_KIND_SPECS } from '../../../signs/schema/sensorKinds';
import type { SignsStore } from '../../../signs/SignsStore';
import { HistoryChart } from '../../../ui/signs/HistoryChart';
import { SeriesChart } from '../../../ui/signs/SeriesChart';
import type { FeatureHost } from '../../host/FeatureHost';

/**
 * A sensor's charts in the detail drawer (one sensor at a time): its raw readings in this page
 * over the last hour, and with a hub grant its stored history (1 h / 24 h / 7 d). A page reading
 * the hub does not receive raw readings, so while the chart is open it subscribes to that one
 * sensor's topic and unsubscribes when the chart closes or another sensor's opens; its live
 * chart then starts empty and says why.
 */
export class SensorCharts {
  private readonly box = document.createElement('div');
  private chart: SeriesChart | null = null;
  private history: HistoryChart | null = null;
  private release: (() => void) | null = null;
  /** The sensor whose chart is open, null when none. */
  open: string | null = null;

  constructor(
    private readonly host: FeatureHost, private readonly owner: string, private readonly store: SignsStore,
    private readonly hub: HubLink, private readonly feed: SessionFeed, private readonly simulated: boolean,
  ) {}

  /** Opens a sensor's charts (replacing the ones shown). */
  show(sensorId: string): void {
    this.close();
    const s = this.store.sensor(sensorId), side = this.hub.side;
    if (s && side) this.release = this.feed.watch(s.topic);
    this.chart = new SeriesChart(this.box, this.store, { sensorId }, side ? { emptyText: 'No readings since the chart opened: this page reads the hub, and takes this sensor\'s raw readings only while its chart is open. Its stored history is below.' } : {});
    if (s && side) {
      this.history = new HistoryChart(this.box, (range) => side.history.sensorSeries(sensorId, range), { title: `${s.id} · ${s.label}`, unitLabel: SENSOR_KIND_SPECS[s.kind].unitLabel });
    }
    this.open = sensorId;
    this.host.details?.show(this.owner, `Sensor ${sensorId}${this.simulated ? ' · simulated' : ''}`, this.box, () => this.close());
  }

  /** Closes the charts and stops the sensor's raw readings (safe twice). */
  close(): void {
    this.release?.();
    this.chart?.dispose();
    this.history?.dispose();
    this.chart = this.history = null;
    this.release = null;
    this.open = null;
  }
}
