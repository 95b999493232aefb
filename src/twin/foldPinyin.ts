/**
 * Folding of pinyin and other Latin-script address text for tolerant search: lower case, tone
 * marks (Chūnxī) and tone numbers (chun1xi1) removed, ü/v folded to u, full-width characters
 * made half-width, and letters split from digits ("chunxi12" -> "chunxi", "12").
 */

/** A tone digit after a syllable's final (vowel, n, g or r) that is not part of a number. */
const TONE_NUMBER = /([aeioungr])[1-5](?![0-9])/g;
const NOT_ASCII = /[^\x00-\x7f]/;

/** Lower case, NFKD without combining marks, ü/v -> u, tone digits after syllables removed. */
export function foldLatin(text: string): string {
  const plain = NOT_ASCII.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text;
  return plain.toLowerCase().replace(/v/g, 'u').replace(TONE_NUMBER, '$1');
}

/** Search tokens of Latin text: folded, split at non-alphanumerics and letter/digit boundaries. */
export function pinyinTokens(text: string): string[] {
  return foldLatin(text)
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Chinese text for substring search: NFKC (full-width digits to ASCII), whitespace removed. */
export function foldHanzi(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** True when the text contains CJK ideographs. */
export function hasHanzi(text: string): boolean {
  return /[\u3400-\u9fff]/.test(text);
}
