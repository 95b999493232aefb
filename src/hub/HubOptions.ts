import type { SensorRegistry } from '../signs/registry/SensorInfo';
import type { RuleConfig } from '../signs/rules/SignsRule';
import type { UnitRecord } from '../signs/units/UnitIndex';
import type { CommandAccount } from './commands/CommandDesk';
import type { IncidentSetup } from './incidents/incidentSetup';
import type { HubStore } from './store/HubStore';
import type { StoreWriterOptions } from './store/StoreWriter';

export interface HubOptions {
  /** Topic root `hub/<cityId>/` (the city package's name, as in the sensor topics `city/<name>/...`). */
  cityId: string;
  /** The city's root unit id (accounts of the city tier answer for it). */
  cityUnitId: string;
  /** This instance's name (its status topic, its client id suffix, its rows in the store). */
  hubId: string;
  /** The districts this hub owns; null: all of them (one hub for the city). */
  districts: string[] | null;
  /** The whole city's registry, units and rules (the hub keeps the sensors of its districts). */
  registry: SensorRegistry;
  units: readonly UnitRecord[];
  rules: RuleConfig;
  /** Broker URL and the hub's service account; password may be a function giving a fresh token per (re)connect. */
  broker: { url: string; username: string; password: string | (() => string); clientId?: string };
  /** Where state is kept; null runs without (nothing survives a restart). */
  store: HubStore | null;
  /**
   * Publishes the city tier (from every hub's district tier) and the summary, and answers commands
   * no hub owns. Default: true when this hub owns every district.
   */
  aggregator?: boolean;
  /** Looks up an account to check commands again in the hub (role, unit); omit to trust the broker's ACL. */
  accountOf?: (username: string) => CommandAccount | undefined;
  /** Indicator publishing period (ms), default 1000; snapshots into the store (ms), default 60000. */
  publishMs?: number;
  snapshotMs?: number;
  /** How long a resolved alert stays retained on its topic (ms), default 600000. */
  resolvedRetainMs?: number;
  /** The feed's interval scale (see SignsStore), default 1. */
  intervalScale?: number;
  writer?: StoreWriterOptions;
  /**
   * Keeps incidents (commands on `incident-commands/...`, `incidents/<id>`, `vehicles`) when given;
   * only an aggregating hub runs them (one desk per city). Omit for a hub without incidents.
   */
  incidents?: IncidentSetup | null;
  /** How long a closed incident stays retained on its topic (ms), default 600000. */
  closedRetainMs?: number;
  clock?: () => number;
}
