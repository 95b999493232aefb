/** Protocol Buffers wire types. */
export const VARINT = 0, FIXED64 = 1, BYTES = 2, FIXED32 = 5;

const TWO_32 = 4294967296;

/**
 * A strict protobuf wire reader over one message (`start`..`end` of `buf`): every read checks
 * that it stays inside the message and every loop advances, so truncated or corrupted input
 * throws naming `where` and the byte offset instead of reading past the end, allocating what a
 * length field claims, or looping. 64-bit integers come back as numbers (exact up to 2^53, which
 * covers OSM ids, coordinates and their deltas).
 */
export class ProtoReader {
  pos: number;
  /** Field number and wire type of the last tag `next()` read. */
  field = 0;
  wire = 0;
  private lo = 0;
  private hi = 0;

  constructor(readonly buf: Uint8Array, readonly where: string, start = 0, readonly end = buf.length) {
    this.pos = start;
  }

  /** Throws naming the message and the byte offset. */
  fail(message: string, at = this.pos): never {
    throw new Error(`${this.where}, byte ${at}: ${message}`);
  }

  /** Reads the next tag; false at the end of the message. */
  next(): boolean {
    if (this.pos >= this.end) return false;
    const at = this.pos;
    const tag = this.uint();
    this.field = Math.floor(tag / 8);
    this.wire = tag % 8;
    if (this.field === 0) this.fail('field number 0 (corrupt data)', at);
    return true;
  }

  private byte(): number {
    if (this.pos >= this.end) this.fail('truncated varint (the message ends inside it)');
    return this.buf[this.pos++];
  }

  /** Reads a varint into lo/hi (unsigned 32-bit halves). */
  private varintParts(): void {
    let b = 0, lo = 0, hi = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      b = this.byte();
      lo |= (b & 0x7f) << shift;
      if (b < 0x80) { this.lo = lo >>> 0; this.hi = 0; return; }
    }
    b = this.byte();
    lo |= (b & 0x0f) << 28;
    hi = (b & 0x70) >> 4;
    if (b < 0x80) { this.lo = lo >>> 0; this.hi = hi; return; }
    for (let shift = 3; shift <= 31; shift += 7) {
      b = this.byte();
      hi |= (b & 0x7f) << shift;
      if (b < 0x80) { this.lo = lo >>> 0; this.hi = hi >>> 0; return; }
    }
    this.fail('varint longer than 10 bytes');
  }

  /** An unsigned varint (uint32/uint64/enum/bool). */
  uint(): number {
    this.varintParts();
    return this.hi * TWO_32 + this.lo;
  }

  /** A two's-complement varint (int32/int64). */
  int(): number {
    this.varintParts();
    return this.hi & 0x80000000 ? -((~this.hi >>> 0) * TWO_32 + (~this.lo >>> 0) + 1) : this.hi * TWO_32 + this.lo;
  }

  /** A zigzag varint (sint32/sint64). */
  sint(): number {
    const n = this.uint();
    return this.lo & 1 ? -(n + 1) / 2 : n / 2;
  }

  /** The byte range of a length-delimited field, checked to lie inside the message. */
  private span(): [number, number] {
    const at = this.pos;
    const len = this.uint();
    if (len > this.end - this.pos) this.fail(`a field of ${len} bytes runs past the end of its message (${this.end - this.pos} bytes left): truncated or corrupt`, at);
    const start = this.pos;
    this.pos += len;
    return [start, this.pos];
  }

  /** A length-delimited field's bytes (a view, not a copy). */
  bytes(): Uint8Array {
    const [s, e] = this.span();
    return this.buf.subarray(s, e);
  }

  string(): string {
    return new TextDecoder().decode(this.bytes());
  }

  /** A reader over an embedded message. */
  message(what: string): ProtoReader {
    const [s, e] = this.span();
    return new ProtoReader(this.buf, `${this.where} > ${what}`, s, e);
  }

  /**
   * Appends a repeated integer field (packed, or one unpacked value) to `out`, read by `kind`;
   * `delta` sums the values as they come (delta-coded ids, coordinates, refs).
   */
  repeated(out: number[], kind: 'uint' | 'int' | 'sint', delta = false): void {
    const read = kind === 'uint' ? () => this.uint() : kind === 'int' ? () => this.int() : () => this.sint();
    let last = delta && out.length ? out[out.length - 1] : 0;
    const push = (v: number) => { last = delta ? last + v : v; out.push(last); };
    if (this.wire === VARINT) { push(read()); return; }
    if (this.wire !== BYTES) this.fail(`field ${this.field}: wire type ${this.wire}, expected a varint or a packed list`);
    const [s, e] = this.span();
    const inner = new ProtoReader(this.buf, this.where, s, e);
    while (inner.pos < e) push(kind === 'uint' ? inner.uint() : kind === 'int' ? inner.int() : inner.sint());
  }

  /** Skips the value of the last tag. */
  skip(): void {
    if (this.wire === VARINT) this.uint();
    else if (this.wire === BYTES) this.span();
    else if (this.wire === FIXED64 || this.wire === FIXED32) {
      const n = this.wire === FIXED64 ? 8 : 4;
      if (this.end - this.pos < n) this.fail(`truncated ${n * 8}-bit field`);
      this.pos += n;
    } else this.fail(`field ${this.field}: unknown wire type ${this.wire} (corrupt data)`);
  }
}
