import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../args';
import { run } from './dispatch';

const dir = mkdtempSync(join(tmpdir(), 'dispatch-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, doc: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return file;
};

describe('dispatch command', () => {
  it('assigns units to the fixture incidents and reports coverage and new sites', async () => {
    const out = (await run(['--scenario', 'test/fixtures/dispatch/two-incidents.json'])) as Record<string, any>;
    expect(out.unfilled).toEqual([]);
    expect(out.assignments).toHaveLength(5);
    expect(out.closed).toHaveLength(1);
    for (const r of out.routes) expect(r.seconds).toBeGreaterThan(0);
    expect(out.coverage.shareOfPopulation).toBeGreaterThan(0);
    expect(out.coverage.shareOfPopulation).toBeLessThan(1);
    expect(out.newStations.after.coveredPopulation).toBeGreaterThan(out.newStations.before.coveredPopulation);
  }, 60_000);

  it('says which file, JSON path and value are wrong', async () => {
    await expect(run([])).rejects.toBeInstanceOf(UsageError);
    await expect(run(['--scenario', join(dir, 'missing.json')])).rejects.toThrow(/missing\.json: cannot read it \(ENOENT\)/);
    await expect(run(['--scenario', write('broken.json', '{"incidents": [')])).rejects.toThrow(/broken\.json: expected JSON/);
    const bad = write('bad.json', { incidents: [{ id: 'a', lonLat: [104.05, 30.66], requirements: { fire_engine: -1 } }] });
    await expect(run(['--scenario', bad])).rejects.toThrow(`${bad}: $.incidents[0].requirements.fire_engine: expected a non-negative integer, got -1`);
    const far = write('far.json', { incidents: [{ id: 'a', lonLat: [0, 0], requirements: { ambulance: 1 } }] });
    await expect(run(['--scenario', far])).rejects.toThrow(/\$\.incidents\[0\]\.lonLat: no open road within 2000 m/);
    const unit = write('unit.json', { unavailableUnits: ['nope'], incidents: [{ id: 'a', lonLat: [104.05, 30.66], requirements: { ambulance: 1 } }] });
    await expect(run(['--scenario', unit])).rejects.toThrow(/\$\.unavailableUnits\[0\]: expected the id of a unit in the fleet, got "nope"/);
    const graph = write('graph.json', { graph: 'nowhere.bin', incidents: [{ id: 'a', lonLat: [104.05, 30.66], requirements: { ambulance: 1 } }] });
    await expect(run(['--scenario', graph])).rejects.toThrow(/network file not found: .*nowhere\.bin; `npm run tiles` writes the demo city's/);
  }, 60_000);

  it('exits with code 1 and the message on stderr through the real CLI', () => {
    const bad = write('cli.json', { incidents: 'none' });
    try {
      execFileSync('npx', ['tsx', 'src/cli/main.ts', 'dispatch', '--scenario', bad], { encoding: 'utf8', stdio: 'pipe' });
      expect.unreachable('the CLI should fail');
    } catch (err) {
      const e = err as { status: number; stderr: string };
      expect(e.status).toBe(1);
      expect(e.stderr).toContain(`dispatch: ${bad}: $.incidents: expected an array, got "none"`);
    }
  }, 60_000);
});
