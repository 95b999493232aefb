/**
 * Watches the bytes a client sends and says when a packet is larger than allowed, from its fixed
 * header alone (type byte + remaining-length varint), before the packet's body is buffered: a
 * 128 MB CONNECT is refused after its first 5 bytes. The limit is small until the client has
 * logged in (`authenticated()`), larger after. Pure: no socket; the caller closes the connection.
 */
export class MqttFrameGuard {
  private phase: 'type' | 'length' | 'body' = 'type';
  private length = 0;
  private multiplier = 1;
  private lengthBytes = 0;
  private remaining = 0;
  /** Packets seen in full or in part. */
  packets = 0;

  constructor(
    private readonly maxConnectBytes: number,
    private readonly maxPacketBytes: number,
    private readonly authenticated: () => boolean,
  ) {}

  /** Feeds received bytes; returns why the connection must close, or null. */
  observe(chunk: Uint8Array): string | null {
    let i = 0;
    while (i < chunk.length) {
      if (this.phase === 'body') {
        const n = Math.min(this.remaining, chunk.length - i);
        this.remaining -= n;
        i += n;
        if (this.remaining === 0) this.phase = 'type';
      } else if (this.phase === 'type') {
        this.packets++;
        this.phase = 'length';
        this.length = 0;
        this.multiplier = 1;
        this.lengthBytes = 0;
        i++;
      } else {
        const b = chunk[i++];
        this.length += (b & 0x7f) * this.multiplier;
        this.multiplier *= 128;
        this.lengthBytes++;
        if (b & 0x80) {
          if (this.lengthBytes === 4) return 'malformed remaining length (more than 4 bytes)';
          continue;
        }
        const size = 1 + this.lengthBytes + this.length;
        const limit = this.authenticated() ? this.maxPacketBytes : this.maxConnectBytes;
        if (size > limit) return `packet of ${size} bytes over the limit of ${limit} bytes${this.authenticated() ? '' : ' before login'}`;
        this.remaining = this.length;
        this.phase = this.remaining ? 'body' : 'type';
      }
    }
    return null;
  }
}
