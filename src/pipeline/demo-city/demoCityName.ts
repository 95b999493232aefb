import { PACKAGE_DEFS } from '../../twin/package/packageDefs';

/** The demo city's package name (its own plan, no `--buildings`). */
export const DEMO_CITY_NAME = 'demo';

const SLUG = new RegExp(PACKAGE_DEFS.slug.pattern);

/**
 * The package name of the demo city scaled to `buildings` (`demo-100k`, `demo-1m`, `demo-2500`):
 * its own name, so its sensor topics (city/<name>/...), hub state (hub/<name>/...), broadcast
 * channels and city-list entry never mix with the demo city's when both are served. The name is
 * also the folder it is meant for (tilesets/<name>), since pages open a city by folder.
 */
export function scaledDemoName(buildings: number): string {
  if (buildings % 1_000_000 === 0) return `demo-${buildings / 1_000_000}m`;
  if (buildings % 1_000 === 0) return `demo-${buildings / 1_000}k`;
  return `demo-${buildings}`;
}

/** What is wrong with `name` as a package name (lower-case kebab-case, 1-64 characters), naming `what`; null when nothing. */
export function packageNameProblem(name: unknown, what: string): string | null {
  return typeof name === 'string' && SLUG.test(name) ? null
    : `${what} expects a lower-case kebab-case package name of 1-64 characters (${PACKAGE_DEFS.slug.pattern}), got ${JSON.stringify(name)}`;
}

/** `name`, or a throw naming `what` when it is not a package name. */
export function checkPackageName(name: string, what: string): string {
  const problem = packageNameProblem(name, what);
  if (problem) throw new Error(problem);
  return name;
}
