import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random/random';
import { tinySensor } from '../../../test/unit/signs/tinyCity';
import { MAX_PAYLOAD_BYTES, REJECT_REASONS } from '../schema/RejectReason';
import { utf8ByteLength } from '../schema/utf8ByteLength';
import { Ingestor } from './Ingestor';

const NOW = Date.UTC(2026, 10, 24, 4, 0, 0);
const wl = tinySensor('WL-1', 'water_level', 'G11');
const PIECES = ['a', ' ', 'é', '中', '😀', '\ud800', '\udc00', '"'];

describe('payload size check', () => {
  it('counts UTF-8 bytes as TextEncoder writes them, lone surrogates included', () => {
    const enc = new TextEncoder();
    for (const s of ['', 'abc', 'é中😀', '\ud800x', 'x\udc00', '\ud83d\ude00\ud83d', '中'.repeat(400)]) expect(utf8ByteLength(s)).toBe(enc.encode(s).length);
    expect(utf8ByteLength('中'.repeat(400), 1024)).toBe(1025);
  });

  it('refuses a string payload over 1,024 UTF-8 bytes even when it has fewer UTF-16 units (3,192 of 100,000 got through before)', () => {
    const ing = new Ingestor([wl]), enc = new TextEncoder(), rnd = createRandom(12);
    let over = 0;
    for (let n = 0; n < 5_000; n++) {
      const units = 300 + Math.floor(rnd() * 800);
      let s = '';
      while (s.length < units) s += PIECES[Math.floor(rnd() * PIECES.length)];
      const bytes = enc.encode(s).length;
      const reason = REJECT_REASONS[-ing.parse(wl.topic, s, NOW)];
      expect(reason === 'too_large', `${s.length} units, ${bytes} bytes`).toBe(bytes > MAX_PAYLOAD_BYTES);
      if (bytes > MAX_PAYLOAD_BYTES && s.length <= MAX_PAYLOAD_BYTES) over++;
    }
    expect(over).toBeGreaterThan(500); // the case the old check let through is well represented
    ing.parse(wl.topic, '中'.repeat(400), NOW);
    expect(ing.lastRejection).toMatchObject({ reason: 'too_large', field: 'payload', expected: 'at most 1024 bytes of UTF-8', got: '"more than 1024 bytes"' });
  });
});
