/** A section as the URL and share links carry it. */
export type SectionSpec =
  | { kind: 'v'; a: [number, number]; b: [number, number] }
  | { kind: 'h'; at: [number, number]; heightM: number }
  | { kind: 'f'; id: string; floor: number };

const f6 = (v: number) => v.toFixed(6);

/** `v:LON,LAT,LON,LAT` (vertical along a line) · `h:LON,LAT,HEIGHT` (horizontal, ellipsoidal m) · `f:BUILDING,FLOOR`. */
export function formatSection(s: SectionSpec): string {
  if (s.kind === 'v') return `v:${[...s.a, ...s.b].map(f6).join(',')}`;
  if (s.kind === 'h') return `h:${f6(s.at[0])},${f6(s.at[1])},${s.heightM}`;
  return `f:${s.id},${s.floor}`;
}

/** Reads a `section` parameter; throws naming the forms expected. */
export function parseSection(text: string): SectionSpec {
  const bad = () => new Error(`URL parameter "section" must be v:LON,LAT,LON,LAT, h:LON,LAT,HEIGHT_M or f:BUILDING_ID,FLOOR (got '${text}')`);
  const [kind, rest = ''] = [text.slice(0, 1), text.slice(2)];
  if (text[1] !== ':') throw bad();
  const parts = rest.split(',');
  if (kind === 'f') {
    const floor = Number(parts[1]);
    if (parts.length !== 2 || !parts[0] || !Number.isInteger(floor) || floor < 1) throw bad();
    return { kind: 'f', id: parts[0], floor };
  }
  const n = parts.map(Number);
  if (n.some((v) => !Number.isFinite(v))) throw bad();
  if (kind === 'v' && n.length === 4) return { kind: 'v', a: [n[0], n[1]], b: [n[2], n[3]] };
  if (kind === 'h' && n.length === 3) return { kind: 'h', at: [n[0], n[1]], heightM: n[2] };
  throw bad();
}
