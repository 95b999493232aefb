import type { FromSchema } from '../../schema/FromSchema';
import type { SCENARIO_SCHEMA } from './scenarioSchema';

type Defs = (typeof SCENARIO_SCHEMA)['$defs'];
type Def<N extends keyof Defs> = FromSchema<Defs[N], Defs>;

/** A scenario file as validated: derived from SCENARIO_SCHEMA, never written by hand. */
export type Scenario = FromSchema<typeof SCENARIO_SCHEMA>;
export type ScenarioEvent = Def<'event'>;
export type ScenarioIntervention = Def<'intervention'>;
export type ScenarioVariant = Def<'variant'>;
export type ScenarioModels = Def<'models'>;
export type Fleet = Def<'fleet'>;
export type CameraState = Def<'camera'>;
export type LonLatDeg = Def<'lonLat'>;

/** The event (or intervention) of a given kind. */
export type EventOf<K extends ScenarioEvent['kind']> = Extract<ScenarioEvent, { kind: K }>;
export type InterventionOf<K extends ScenarioIntervention['kind']> = Extract<ScenarioIntervention, { kind: K }>;
