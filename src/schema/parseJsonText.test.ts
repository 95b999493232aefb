import { describe, expect, it } from 'vitest';
import { parseJsonText } from './parseJsonText';

describe('parseJsonText', () => {
  it('parses valid JSON as JSON.parse does', () => {
    expect(parseJsonText('{"a": [1, "x\\n", null]}', 'a.json')).toEqual({ a: [1, 'x\n', null] });
  });

  it('names the file, line and column of a syntax error, where node gives a position or nothing', () => {
    expect(() => parseJsonText('{\n  "a": 1,\n  "b": "\\q"\n}', 'a.json')).toThrow('a.json:3:10: not valid JSON: expected an escape');
    expect(() => parseJsonText('{\n  "a": [1, 2', 'a.json')).toThrow('a.json:2:13: not valid JSON: expected "," or "]" in an array');
    expect(() => parseJsonText('{"a": tru}', 'a.json')).toThrow('a.json:1:7: not valid JSON: expected a JSON value');
    expect(() => parseJsonText('', 'a.json')).toThrow('a.json:1:1: not valid JSON: expected a JSON value');
  });
});
