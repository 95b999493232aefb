import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultRules } from './defaultRules';
import { parseRuleConfig } from './parseRuleConfig';

const base = { id: 'r', kind: 'water_level', type: 'threshold', op: '>=', value: 4, severity: 'red', title: 't' };
const parse = (rules: unknown[], extra: object = {}) => parseRuleConfig({ version: 1, rules, ...extra }, 'rules.json');

describe('parseRuleConfig', () => {
  it('loads the shipped rules with every kind covered and defaults applied', () => {
    const cfg = defaultRules();
    const raw = JSON.parse(readFileSync(new URL('../../../config/signs/rules.json', import.meta.url), 'utf8'));
    expect(cfg.rules).toHaveLength(raw.rules.length);
    expect(new Set(cfg.rules.map((r) => r.kind)).size).toBe(8);
    const heavy = cfg.rules.find((r) => r.id === 'rainfall.heavy')!;
    expect(heavy).toMatchObject({ holdS: 120, basis: 'absolute', windowS: 0 });
  });

  it('names the file, the field and the expectation on bad input', () => {
    expect(() => parse([{ ...base, severity: 'high' }])).toThrow('rules.json: rules[0].severity: expected one of blue|yellow|orange|red, got "high"');
    expect(() => parse([base, { ...base, kind: 'sea_level' }])).toThrow(/rules\[1\]\.kind: expected one of water_level\|/);
    expect(() => parse([{ ...base, type: 'rate' }])).toThrow('rules.json: rules[0].windowS: expected a finite number, got nothing');
    expect(() => parse([{ ...base, op: '>' }])).toThrow('rules[0].op: expected one of >=|<=');
    expect(() => parse([{ ...base, value: '4' }])).toThrow('rules[0].value: expected a finite number, got "4"');
    expect(() => parse([{ ...base, holdS: -1 }])).toThrow('rules[0].holdS: expected seconds >= 0, got -1');
    expect(() => parse([base, base])).toThrow('rules[1].id: expected an id not used by an earlier rule, got "r"');
    expect(() => parseRuleConfig({ version: 2, rules: [] }, 'x.json')).toThrow('x.json: version: expected 1, got 2');
    expect(() => parseRuleConfig({ version: 1 }, 'x.json')).toThrow('x.json: rules: expected an array, got nothing');
  });

  it('takes holdS and basis from defaults when a rule leaves them out', () => {
    const cfg = parse([base], { defaults: { holdS: 30, basis: 'nominal' } });
    expect(cfg.rules[0]).toMatchObject({ holdS: 30, basis: 'nominal', titleZh: 't' });
  });
});
