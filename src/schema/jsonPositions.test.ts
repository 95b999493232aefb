import { describe, expect, it } from 'vitest';
import { jsonPositions, JsonSyntaxError, pointerToken } from './jsonPositions';

describe('jsonPositions', () => {
  const text = '{\n  "a": [1,\n    {"b/c": true, "d~e": null}],\n  "f": "x\\"y"\n}\n';

  it('maps JSON pointers of values and member keys to 1-based lines and columns', () => {
    const p = jsonPositions(text);
    expect(p.value.get('')).toEqual({ line: 1, column: 1 });
    expect(p.key.get('/a')).toEqual({ line: 2, column: 3 });
    expect(p.value.get('/a')).toEqual({ line: 2, column: 8 });
    expect(p.value.get('/a/0')).toEqual({ line: 2, column: 9 });
    expect(p.value.get('/a/1')).toEqual({ line: 3, column: 5 });
    expect(p.value.get('/a/1/b~1c')).toEqual({ line: 3, column: 13 });
    expect(p.key.get('/a/1/d~0e')).toEqual({ line: 3, column: 19 });
    expect(p.value.get('/f')).toEqual({ line: 4, column: 8 });
  });

  it('escapes pointer tokens as RFC 6901 says', () => {
    expect(pointerToken('a/b~c')).toBe('a~1b~0c');
  });

  it('reports the line and column of a syntax error', () => {
    const bad = '{\n  "a": 1,\n  "b": tru\n}';
    expect(() => jsonPositions(bad)).toThrow(JsonSyntaxError);
    try { jsonPositions(bad); } catch (e) { expect((e as JsonSyntaxError).position).toEqual({ line: 3, column: 8 }); }
    expect(() => jsonPositions('{"a": 1,}')).toThrow(/line 1, column 9/);
    expect(() => jsonPositions('[1] 2')).toThrow(/end of the file/);
  });

  it('agrees with JSON.parse on what is valid', () => {
    for (const t of ['0', '-1.5e3', '"\\u00e9"', '[]', '{}', '[[],{"":[null]}]', ' true ']) {
      expect(() => JSON.parse(t)).not.toThrow();
      expect(() => jsonPositions(t)).not.toThrow();
    }
    for (const t of ['01', '[1,]', '{"a"}', "'x'", '', '"a\nb"']) {
      expect(() => JSON.parse(t)).toThrow();
      expect(() => jsonPositions(t)).toThrow(JsonSyntaxError);
    }
  });
});
