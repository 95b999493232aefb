import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/cli/args';
import { run as accountsCommand } from '../../../src/cli/commands/accounts';
import { run as tilesCommand } from '../../../src/cli/commands/tiles';
import { hubTopics } from '../../../src/hub/topics';
import { scaledDemoName } from '../../../src/pipeline/demo-city/demoCityName';
import { openCityPackage } from '../../../src/pipeline/package/openCityPackage';
import { cityRegistry } from '../../../src/signs/registry/cityRegistry';
import { cityTopicFilter } from '../../../src/signs/topics';
import { tempDataDir } from '../signs/feedTestKit';

describe('scaledDemoName', () => {
  it('names a scaled demo city by its size', () => {
    expect([100_000, 1_000_000, 2_000_000, 1_500_000, 2_500, 22_921].map(scaledDemoName))
      .toEqual(['demo-100k', 'demo-1m', 'demo-2m', 'demo-1500k', 'demo-2500', 'demo-22921']);
  });
});

/** `tiles --city demo --buildings N`: a package of its own, whose topics never mix with the demo city's. */
describe('a scaled demo city package', () => {
  const root = mkdtempSync(join(tmpdir(), 'rc-scaled-name-')), dir = join(root, 'demo-1k');
  const data = tempDataDir();
  let summary: { city: string; buildings: number };

  beforeAll(async () => {
    summary = await tilesCommand(['--city', 'demo', '--buildings', '1000', '--out', dir]) as typeof summary;
  });
  afterAll(() => { rmSync(root, { recursive: true, force: true }); data.remove(); });

  it('is named after its size in city.json, the summary and every sensor topic', async () => {
    expect(summary).toMatchObject({ city: 'demo-1k', buildings: 1000 });
    const manifest = JSON.parse(readFileSync(join(dir, 'city.json'), 'utf8'));
    expect(manifest.name).toBe('demo-1k');
    expect(manifest.title).toContain('1,000 buildings');
    const registry = await cityRegistry(await openCityPackage(dir));
    expect(registry.city).toBe('demo-1k');
    expect(registry.sensors.length).toBeGreaterThan(0);
    const prefix = cityTopicFilter('demo-1k').replace('#', '');
    expect(registry.sensors.filter((s) => !s.topic.startsWith(prefix))).toEqual([]);
    expect(hubTopics(registry.city).root).toBe('hub/demo-1k');
  });

  it('gives a broker token for that city its own topics (accounts token --city)', async () => {
    const cli = (...args: string[]) => accountsCommand([...args, '--data', data.dir]) as Promise<Record<string, unknown>>;
    await cli('add', 'wall.1k', '--role', 'viewer', '--tier', 'city', '--unit', '510100');
    const token = await cli('token', 'wall.1k', '--city', dir);
    const claims = JSON.parse(Buffer.from(String(token.password).split('.')[1], 'base64url').toString('utf8'));
    expect(claims.acl.sub).toContain('city/demo-1k/#');
    expect(claims.acl.sub).toContain('hub/demo-1k/summary');
    expect(claims.acl.sub.filter((f: string) => f.includes('/demo/'))).toEqual([]);
  });

  it('refuses a --name that is not a package name before generating anything', async () => {
    await expect(tilesCommand(['--city', 'demo', '--buildings', '1000', '--name', 'Demo_1k', '--out', join(root, 'x')]))
      .rejects.toThrow(new UsageError('--name expects a lower-case kebab-case package name of 1-64 characters (^[a-z0-9][a-z0-9-]{0,63}$), got "Demo_1k"'));
  });
});
