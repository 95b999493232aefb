/**
 * Headless CLI: `npm run -s cli -- <verb> [args]`. Each verb lives in `src/cli/commands/<verb>.ts`
 * and exports `run(args: string[]): Promise<unknown>`; its result is printed as JSON on stdout.
 * Errors go to stderr with exit code 1 (2 for usage errors).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './args';

const commandsDir = join(dirname(fileURLToPath(import.meta.url)), 'commands');

function listVerbs(): string[] {
  return readdirSync(commandsDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  const verbs = listVerbs();
  if (!verb || verb === '--help' || verb === 'help' || !verbs.includes(verb)) {
    process.stderr.write(`usage: npm run -s cli -- <verb> [args]\nverbs: ${verbs.join(', ')}\n`);
    return verb && verb !== '--help' && verb !== 'help' ? 2 : 0;
  }
  const mod = (await import(join(commandsDir, `${verb}.ts`))) as { run(args: string[]): Promise<unknown> };
  try {
    const result = await mod.run(rest);
    if (result !== undefined) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return 0;
  } catch (err) {
    process.stderr.write(`${verb}: ${(err as Error).message}\n`);
    return err instanceof UsageError ? 2 : 1;
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
