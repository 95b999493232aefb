import { describe, expect, it } from 'vitest';
import { formatSection, parseSection } from './sectionSpec';

describe('sectionSpec', () => {
  it('round-trips the three kinds of section through the URL', () => {
    for (const s of [
      { kind: 'v' as const, a: [104.1, 30.6] as [number, number], b: [104.2, 30.7] as [number, number] },
      { kind: 'h' as const, at: [104.1, 30.6] as [number, number], heightM: 532.5 },
      { kind: 'f' as const, id: 'B015033', floor: 4 },
    ]) expect(parseSection(formatSection(s))).toEqual(s);
  });

  it('refuses malformed sections naming the forms', () => {
    for (const t of ['x:1,2', 'v:1,2,3', 'h:a,b,c', 'f:B1', 'f:B1,0', 'v1,2,3,4']) expect(() => parseSection(t)).toThrow(/"section" must be v:LON,LAT,LON,LAT, h:LON,LAT,HEIGHT_M or f:BUILDING_ID,FLOOR/);
  });
});
