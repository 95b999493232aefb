import { describe, expect, it } from 'vitest';
import { toCsv } from './toCsv';

describe('toCsv', () => {
  it('writes RFC 4180: header, CRLF, quotes only where needed, doubled quotes, empty for null', () => {
    const csv = toCsv(['id', 'name', 'n'], [
      { id: 'a', name: '春熙路, 12号', n: 3 },
      { id: 'b', name: 'say "hi"', n: null },
      { id: 'c', name: 'two\nlines' },
    ]);
    expect(csv).toBe('id,name,n\r\na,"春熙路, 12号",3\r\nb,"say ""hi""",\r\nc,"two\nlines",\r\n');
  });

  it('prepends a UTF-8 byte-order mark on request', () => {
    expect(toCsv(['a'], [], true)).toBe('\ufeffa\r\n');
  });
});
