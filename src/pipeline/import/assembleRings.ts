/**
 * Joins way node sequences end to end into closed rings (OSM multipolygon members are often
 * split into several ways). Returns the closed rings (first id repeated last) and the sequences
 * that could not be closed.
 */
export function assembleRings(sequences: number[][]): { rings: number[][]; open: number[][] } {
  const rings: number[][] = [], open: number[][] = [];
  const pending = sequences.filter((s) => s.length >= 2).map((s) => s.slice());
  while (pending.length > 0) {
    let ring = pending.pop()!;
    let grown = true;
    while (ring[0] !== ring[ring.length - 1] && grown) {
      grown = false;
      const end = ring[ring.length - 1];
      for (let k = 0; k < pending.length; k++) {
        const s = pending[k];
        if (s[0] === end) ring = ring.concat(s.slice(1));
        else if (s[s.length - 1] === end) ring = ring.concat(s.slice(0, -1).reverse());
        else continue;
        pending.splice(k, 1);
        grown = true;
        break;
      }
    }
    if (ring[0] === ring[ring.length - 1] && ring.length >= 4) rings.push(ring);
    else open.push(ring);
  }
  return { rings, open };
}
