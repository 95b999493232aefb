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
  tick: TickEvent;
}
