/**
 * Outline of a union of grid squares: every square contributes its four directed edges
 * (counter-clockwise); an edge shared by two squares appears once in each direction and cancels;
 * what remains chains into closed rings (outer rings CCW, holes CW), with collinear points dropped.
 */
export function outlineOfSquares(
  cells: ReadonlyArray<readonly [number, number]>, sizeM: number, x0M: number, y0M: number,
): Array<Array<[number, number]>> {
  const key = (i: number, j: number) => `${i},${j}`;
  const directed = new Set<string>();
  const addEdge = (a: string, b: string) => {
    if (!directed.delete(`${b}>${a}`)) directed.add(`${a}>${b}`);
  };
  for (const [i, j] of cells) {
    addEdge(key(i, j), key(i + 1, j));
    addEdge(key(i + 1, j), key(i + 1, j + 1));
    addEdge(key(i + 1, j + 1), key(i, j + 1));
    addEdge(key(i, j + 1), key(i, j));
  }
  const edges = new Map<string, string>();
  for (const e of directed) {
    const [a, b] = e.split('>');
    edges.set(a, b);
  }
  const rings: Array<Array<[number, number]>> = [];
  while (edges.size > 0) {
    const [start] = edges.keys();
    const ring: string[] = [start];
    let cur = edges.get(start)!;
    edges.delete(start);
    while (cur !== start) {
      ring.push(cur);
      const next = edges.get(cur);
      if (next === undefined) throw new Error(`outlineOfSquares: open ring at ${cur}`);
      edges.delete(cur);
      cur = next;
    }
    const pts = ring.map((k) => k.split(',').map(Number) as [number, number]);
    const kept = pts.filter((p, idx) => {
      const a = pts[(idx + pts.length - 1) % pts.length], c = pts[(idx + 1) % pts.length];
      return (p[0] - a[0]) * (c[1] - p[1]) - (p[1] - a[1]) * (c[0] - p[0]) !== 0;
    });
    const coords = kept.map(([i, j]) => [x0M + i * sizeM, y0M + j * sizeM] as [number, number]);
    coords.push([...coords[0]] as [number, number]);
    rings.push(coords);
  }
  return rings;
}
