/**
 * Bounds what the broker keeps as retained messages: each payload at most maxBytes, at most
 * maxTopics topics held (an update of a held topic always fits; an empty payload clears one).
 */
export class RetainedLedger {
  private readonly topics = new Set<string>();

  constructor(private readonly maxBytes: number, private readonly maxTopics: number) {}

  get size(): number {
    return this.topics.size;
  }

  /** Records a retained publish and returns null, or returns why it is refused (nothing recorded). */
  admit(topic: string, bytes: number): string | null {
    if (bytes === 0) {
      this.topics.delete(topic);
      return null;
    }
    if (bytes > this.maxBytes) return `retained message of ${bytes} bytes on ${topic} over the limit of ${this.maxBytes} bytes`;
    if (!this.topics.has(topic) && this.topics.size >= this.maxTopics) return `retained topic limit of ${this.maxTopics} reached (${topic})`;
    this.topics.add(topic);
    return null;
  }
}
