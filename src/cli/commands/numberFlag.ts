import { UsageError, type ParsedArgs } from '../args';

/** A numeric flag with a default; throws a UsageError naming it when it is not a number in range. */
export function numberFlag(p: ParsedArgs, name: string, fallback: number, min = -Infinity, unit = ''): number {
  const v = p.flags.get(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (v === true || !Number.isFinite(n) || n < min) throw new UsageError(`--${name} expects a number >= ${min}${unit ? ` ${unit}` : ''}, got ${JSON.stringify(v)}`);
  return n;
}
