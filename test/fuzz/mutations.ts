import { createRandom } from '../../src/random/random';

/** One corruption of an input: cut at a byte, or some bytes XOR-ed with non-zero masks. */
export type Mutation = { kind: 'truncate'; at: number } | { kind: 'flip'; at: number[]; xor: number[] };

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The mutation number `index` of `target` under `seed`: the same numbers give the same corruption. */
export function mutationOf(target: string, seed: number, index: number, length: number): Mutation {
  const rnd = createRandom((hash(target) ^ Math.imul(seed + 1, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
  if (rnd() < 0.5) return { kind: 'truncate', at: Math.floor(rnd() * length) };
  const n = 1 + Math.floor(rnd() * 3);
  const at: number[] = [], xor: number[] = [];
  for (let k = 0; k < n; k++) { at.push(Math.floor(rnd() * length)); xor.push(1 + Math.floor(rnd() * 255)); }
  return { kind: 'flip', at, xor };
}

export function applyMutation(bytes: Uint8Array, m: Mutation): Uint8Array {
  if (m.kind === 'truncate') return bytes.slice(0, m.at);
  const out = bytes.slice();
  m.at.forEach((p, k) => { out[p] ^= m.xor[k]; });
  return out;
}

export function describeMutation(m: Mutation): string {
  return m.kind === 'truncate' ? `truncated to ${m.at} bytes` : `bytes ${m.at.map((p, k) => `${p}^0x${m.xor[k].toString(16)}`).join(', ')}`;
}
