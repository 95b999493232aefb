import { isSensorKind, SENSOR_KINDS } from '../schema/sensorKinds';
import { SEVERITIES, type RuleConfig, type Severity, type SignsRule } from './SignsRule';

type Obj = Record<string, unknown>;

class RuleError extends Error {}

/** Hold time when neither the rule nor the file's defaults give one (s). */
const DEFAULT_HOLD_S = 120;

function field(source: string, path: string, expected: string, got: unknown): never {
  throw new RuleError(`${source}: ${path}: expected ${expected}, got ${JSON.stringify(got) ?? 'nothing'}`);
}

function num(o: Obj, key: string, source: string, path: string, dflt?: number): number {
  const v = o[key] ?? dflt;
  if (typeof v !== 'number' || !Number.isFinite(v)) field(source, `${path}.${key}`, 'a finite number', o[key]);
  return v;
}

function str(o: Obj, key: string, source: string, path: string, dflt?: string): string {
  const v = o[key] ?? dflt;
  if (typeof v !== 'string' || v === '') field(source, `${path}.${key}`, 'a non-empty string', o[key]);
  return v;
}

function oneOf<T extends string>(o: Obj, key: string, allowed: readonly T[], source: string, path: string, dflt?: T): T {
  const v = o[key] ?? dflt;
  if (!allowed.includes(v as T)) field(source, `${path}.${key}`, `one of ${allowed.join('|')}`, o[key]);
  return v as T;
}

function parseRule(r: unknown, i: number, defaults: Obj, source: string): SignsRule {
  const path = `rules[${i}]`;
  if (typeof r !== 'object' || r === null || Array.isArray(r)) field(source, path, 'an object', r);
  const o = r as Obj;
  const kind = str(o, 'kind', source, path);
  if (!isSensorKind(kind)) field(source, `${path}.kind`, `one of ${SENSOR_KINDS.join('|')}`, kind);
  const type = oneOf(o, 'type', ['threshold', 'rate'] as const, source, path);
  const windowS = type === 'rate' ? num(o, 'windowS', source, path) : 0;
  if (type === 'rate' && !(windowS > 0)) field(source, `${path}.windowS`, 'a number of seconds > 0', o.windowS);
  const holdS = num(o, 'holdS', source, path, (defaults.holdS as number | undefined) ?? DEFAULT_HOLD_S);
  if (holdS < 0) field(source, `${path}.holdS`, 'seconds >= 0', holdS);
  const title = str(o, 'title', source, path);
  return {
    id: str(o, 'id', source, path), kind, type,
    op: oneOf(o, 'op', ['>=', '<='] as const, source, path),
    value: num(o, 'value', source, path),
    basis: oneOf(o, 'basis', ['absolute', 'nominal'] as const, source, path, (defaults.basis as 'absolute' | undefined) ?? 'absolute'),
    windowS,
    severity: oneOf<Severity>(o, 'severity', SEVERITIES, source, path),
    holdS, title, titleZh: typeof o.titleZh === 'string' ? o.titleZh : title,
  };
}

/**
 * Validates a rules file (config/signs/rules.json format). Throws an Error naming `source`, the
 * field path and the expected value on the first problem; rule ids must be unique.
 */
export function parseRuleConfig(data: unknown, source = 'config/signs/rules.json'): RuleConfig {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) field(source, '(root)', 'an object', data);
  const root = data as Obj;
  if (root.version !== 1) field(source, 'version', '1', root.version);
  const defaults = (root.defaults ?? {}) as Obj;
  if (typeof defaults !== 'object' || Array.isArray(defaults)) field(source, 'defaults', 'an object', root.defaults);
  if (!Array.isArray(root.rules)) field(source, 'rules', 'an array', root.rules);
  const rules = root.rules.map((r, i) => parseRule(r, i, defaults, source));
  const seen = new Set<string>();
  rules.forEach((r, i) => {
    if (seen.has(r.id)) field(source, `rules[${i}].id`, 'an id not used by an earlier rule', r.id);
    seen.add(r.id);
  });
  return { rules };
}
