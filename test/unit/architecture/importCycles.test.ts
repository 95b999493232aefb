import { join } from 'node:path';
import { parseCircular, parseDependencyTree } from 'dpdm';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');

describe('import graph', () => {
  it('has no import cycle in src/ or workers/, type-only imports included', async () => {
    const tree = await parseDependencyTree(['src/**/*.ts', 'workers/**/*.ts'], {
      context: root, tsconfig: join(root, 'tsconfig.json'), transform: false, skipDynamicImports: false,
      exclude: /node_modules|\/assembly\//,
    });
    const cycles = parseCircular(tree);
    expect(cycles.map((c) => c.join(' -> '))).toEqual([]);
    expect(Object.keys(tree).length).toBeGreaterThan(300);
  }, 120_000);
});
