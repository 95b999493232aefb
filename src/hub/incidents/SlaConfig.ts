import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UnitKind } from '../../dispatch/Fleet';
import { formatIssue, type JsonIssue } from '../../schema/JsonIssue';
import { parseJsonWithPositions, placeIssues, SchemaValidator } from '../../schema/SchemaValidator';
import type { IncidentSeverity, IncidentType } from './Incident';
import { SLA_SCHEMA, type SlaStage } from './slaSchema';

type BySeverity<T> = Partial<Record<IncidentSeverity, T>>;

/** The parsed `config/incidents/sla.json` (see slaSchema.ts). */
export interface SlaConfig {
  version: 1;
  description?: string;
  stages: { default: Record<IncidentSeverity, Record<SlaStage, number>> } & Partial<Record<IncidentType, BySeverity<Record<SlaStage, number>>>>;
  requirements: { default: Record<IncidentSeverity, Partial<Record<UnitKind, number>>> } & Partial<Record<IncidentType, BySeverity<Partial<Record<UnitKind, number>>>>>;
}

export const DEFAULT_SLA_FILE = join(import.meta.dirname, '../../../config/incidents/sla.json');

/** An SLA file that does not validate: the file, and per problem the line, JSON path and what was expected. */
export class SlaConfigError extends Error {
  constructor(readonly file: string, readonly issues: JsonIssue[]) {
    super(issues.length === 1 ? `invalid SLA config ${formatIssue(file, issues[0])}`
      : `invalid SLA config ${file} (${issues.length} problems):\n${issues.slice(0, 20).map((i) => `  ${formatIssue(file, i)}`).join('\n')}`);
    this.name = 'SlaConfigError';
  }
}

const validator = new SchemaValidator(SLA_SCHEMA);

/** Validates the text of an SLA file; `file` names it in errors. */
export function parseSlaConfig(text: string, file: string): SlaConfig {
  const parsed = parseJsonWithPositions(text);
  if ('issue' in parsed) throw new SlaConfigError(file, [parsed.issue]);
  const issues = validator.issues(parsed.value);
  if (issues.length) throw new SlaConfigError(file, placeIssues(issues, parsed.positions));
  return parsed.value as SlaConfig;
}

/** Reads and validates an SLA file (default: the repository's config/incidents/sla.json). */
export function readSlaConfig(file = DEFAULT_SLA_FILE): SlaConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read SLA config ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return parseSlaConfig(text, file);
}

/** Minutes allowed per stage for a type and severity (the type's own, else the default's). */
export function stageMinutes(c: SlaConfig, type: IncidentType, severity: IncidentSeverity): Record<SlaStage, number> {
  return c.stages[type]?.[severity] ?? c.stages.default[severity];
}

/** Vehicles a proposal asks for, per kind, for a type and severity. */
export function requirementsFor(c: SlaConfig, type: IncidentType, severity: IncidentSeverity): Partial<Record<UnitKind, number>> {
  return c.requirements[type]?.[severity] ?? c.requirements.default[severity];
}
