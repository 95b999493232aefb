/**
 * Indexed binary min-heap of integer items in [0, capacity) keyed by float64, with decrease-key.
 * Typed arrays only: after construction, push/pop/clear allocate nothing.
 */
export class MinHeap {
  private readonly items: Int32Array;
  private readonly keys: Float64Array;
  /** Position of each item in the heap, -1 when absent. */
  private readonly pos: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
  }

  /** Empties the heap in O(size). */
  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.items[i]] = -1;
    this.size = 0;
  }

  has(item: number): boolean {
    return this.pos[item] >= 0;
  }

  /** The smallest key, Infinity when empty. */
  minKey(): number {
    return this.size > 0 ? this.keys[0] : Infinity;
  }

  /** Inserts `item`, or lowers its key when it is already in with a larger one. */
  push(item: number, key: number): void {
    let i = this.pos[item];
    if (i < 0) {
      i = this.size++;
      this.items[i] = item;
    } else if (key >= this.keys[i]) return;
    this.keys[i] = key;
    this.pos[item] = i;
    this.up(i);
  }

  /** Sets `item`'s key, raising or lowering it, inserting it when absent. */
  set(item: number, key: number): void {
    const i = this.pos[item];
    if (i < 0 || key < this.keys[i]) { this.push(item, key); return; }
    this.keys[i] = key;
    this.down(i);
  }

  /** Removes and returns the item with the smallest key (the heap must not be empty). */
  pop(): number {
    const top = this.items[0];
    this.pos[top] = -1;
    const last = --this.size;
    if (last > 0) {
      this.items[0] = this.items[last];
      this.keys[0] = this.keys[last];
      this.pos[this.items[0]] = 0;
      this.down(0);
    }
    return top;
  }

  private up(i: number): void {
    const item = this.items[i], key = this.keys[i];
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keys[p] <= key) break;
      this.items[i] = this.items[p];
      this.keys[i] = this.keys[p];
      this.pos[this.items[i]] = i;
      i = p;
    }
    this.items[i] = item;
    this.keys[i] = key;
    this.pos[item] = i;
  }

  private down(i: number): void {
    const item = this.items[i], key = this.keys[i], n = this.size;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.keys[c + 1] < this.keys[c]) c++;
      if (this.keys[c] >= key) break;
      this.items[i] = this.items[c];
      this.keys[i] = this.keys[c];
      this.pos[this.items[i]] = i;
      i = c;
    }
    this.items[i] = item;
    this.keys[i] = key;
    this.pos[item] = i;
  }
}
