import { parseArgs, UsageError } from '../args';
import { limitsCommand } from '../analysis/limitsCommand';
import { measureCommand } from '../analysis/measureCommand';
import { losCommand, viewshedCommand } from '../analysis/sightCommand';
import { sunCommand } from '../analysis/sunCommand';
import { sunlightCommand } from '../analysis/sunlightCommand';

const SUB = {
  sun: sunCommand,
  sunlight: sunlightCommand,
  los: losCommand,
  viewshed: viewshedCommand,
  limits: limitsCommand,
  measure: measureCommand,
} as const;

/**
 * `analysis <sun|sunlight|los|viewshed|limits|measure> ...`: the 3D analysis tools headless
 * (src/analysis), JSON on stdout, e.g. `analysis sun --at LON,LAT --time ISO` and `analysis
 * sunlight --city NAME --buildings ID,... --date YYYY-MM-DD`; src/cli/analysis/*Command.ts lists
 * every flag.
 */
export async function run(args: string[]): Promise<unknown> {
  const [sub, ...rest] = args;
  const fn = SUB[sub as keyof typeof SUB];
  if (!fn) throw new UsageError(`analysis expects a tool: ${Object.keys(SUB).join(', ')} (e.g. analysis sun --at 104.06,30.66 --time 2026-01-20T12:00:00+08:00)`);
  return fn(parseArgs(rest));
}
