/** Tiny `--flag value` parser shared by CLI verbs. */

export class UsageError extends Error {}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(args: string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags.set(a.slice(2, eq), a.slice(eq + 1));
      else if (i + 1 < args.length && !args[i + 1].startsWith('--')) flags.set(a.slice(2), args[++i]);
      else flags.set(a.slice(2), true);
    } else positional.push(a);
  }
  return { positional, flags };
}

/** A required string flag, or a UsageError naming it. */
export function requireFlag(p: ParsedArgs, name: string, what: string): string {
  const v = p.flags.get(name);
  if (typeof v !== 'string') throw new UsageError(`missing --${name} ${what}`);
  return v;
}

/** Parses "LON,LAT" (degrees) or throws naming the flag. */
export function parseLonLat(text: string, flag: string): [number, number] {
  const parts = text.split(',').map(Number);
  if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n)) || Math.abs(parts[1]) > 90 || Math.abs(parts[0]) > 180) {
    throw new UsageError(`--${flag} expects LON,LAT in degrees (e.g. 104.06,30.66), got "${text}"`);
  }
  return [parts[0], parts[1]];
}
