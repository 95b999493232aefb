import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_FILE, parseSlaConfig, readSlaConfig, requirementsFor, SlaConfigError, stageMinutes } from './SlaConfig';

describe('SlaConfig', () => {
  it('reads the shipped config: a type\'s own severities, the default for the rest', () => {
    const c = readSlaConfig();
    expect(stageMinutes(c, 'fire', 'critical')).toEqual({ triage: 1, dispatch: 2, on_scene: 8, resolve: 180 });
    expect(stageMinutes(c, 'fire', 'low')).toEqual(c.stages.default.low);
    expect(requirementsFor(c, 'crowd', 'high')).toEqual(c.requirements.default.high);
  });

  it('refuses a bad file naming the file, the line, the JSON path and what was expected', () => {
    const text = readFileSync(DEFAULT_SLA_FILE, 'utf8').replace('"triage": 3,', '"triage": -3,').replace('"fire_engine": 4', '"fire_truck": 4');
    let err: SlaConfigError | null = null;
    try { parseSlaConfig(text, 'sla.json'); } catch (e) { err = e as SlaConfigError; }
    expect(err).toBeInstanceOf(SlaConfigError);
    const lines = text.split('\n');
    const line = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    expect(err!.message).toContain(`sla.json:${line('"triage": -3')}:`);
    expect(err!.message).toContain('/stages/default/critical/triage: expected');
    expect(err!.message).toMatch(/\/requirements\/fire\/critical.*fire_truck|fire_truck.*\/requirements\/fire\/critical/);
    expect(() => parseSlaConfig('{"version": 1, "stages": {', 'broken.json')).toThrow(/broken\.json:1:\d+: \/: expected valid JSON/);
    expect(() => parseSlaConfig('{"version": 1, "stages": {"default": {}}, "requirements": {"default": {}}}', 'x.json')).toThrow(/x\.json:1:\d+: \/stages\/default\/low: expected the required property "low"/);
  });
});
