/**
 * Bytes `text` takes in UTF-8 (as TextEncoder writes it: a surrogate pair 4 bytes, a lone
 * surrogate 3 as U+FFFD), counting no further than `stopAbove` (returns stopAbove + 1 once past it),
 * without allocating: the size check of a payload that arrived as a string.
 */
export function utf8ByteLength(text: string, stopAbove = Infinity): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stopAbove; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { bytes += 4; i++; }
    else bytes += 3;
  }
  return Math.min(bytes, stopAbove + 1);
}
