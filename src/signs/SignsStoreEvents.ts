import type { Alert, AlertChange } from './alerts/Alert';

/** A change in an alert's lifecycle. */
export interface AlertEvent {
  alert: Alert;
  change: AlertChange;
}

/** One accepted reading. The object is reused: read it inside the listener, do not keep it. */
export interface ReadingEvent {
  sensorIndex: number;
  sensorId: string;
  timeMs: number;
  value: number;
}

/** Emitted by every tick(): what changed since the previous one. */
export interface TickEvent {
  nowMs: number;
  /** Messages accepted and rejected since the last tick. */
  accepted: number;
  rejected: number;
  /** Sensors stale now, and indices of those that became stale / fresh at this tick (reused arrays). */
  staleCount: number;
  becameStale: readonly number[];
  becameFresh: readonly number[];
  /** Bit k set when kind k (SENSOR_KINDS order) got readings since the last tick. */
  kindsUpdated: number;
  /** IndicatorTable.version after this tick's recomputation. */
  indicatorVersion: number;
}

/** The events of SignsStore, by type. */
export interface SignsStoreEvents {
  alert: AlertEvent;
  reading: ReadingEvent;
  /**
   * A valid reading older than everything the sensor's ring buffer holds (a gateway catching up
   * after an outage): not buffered and not seen by the rules, which are about now, but history
   * keepers (the hub's store) still want it. Counted as rejected ('bad_time') by the ingestor.
   */
  lateReading: ReadingEvent;
  tick: TickEvent;
}
