/** A place in a text file: 1-based line and column. */
export interface TextPosition {
  line: number;
  column: number;
}

/** Where each value of a JSON document starts, by JSON pointer ('' is the root). */
export interface JsonPositions {
  /** Start of the value at a pointer. */
  value: Map<string, TextPosition>;
  /** Start of the member key at a pointer (object members only): where an editor should point. */
  key: Map<string, TextPosition>;
}

/** A JSON syntax error at a position. */
export class JsonSyntaxError extends Error {
  constructor(readonly position: TextPosition, readonly expected: string) {
    super(`line ${position.line}, column ${position.column}: expected ${expected}`);
    this.name = 'JsonSyntaxError';
  }
}

/** Escapes one reference token of a JSON pointer (RFC 6901). */
export function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Scans JSON text and records where every value (and member key) starts, keyed by JSON pointer:
 * the map from a validator's instancePath to a line in the file. Throws JsonSyntaxError with the
 * line and column of the first syntax error (so a broken file gets a line too).
 */
export function jsonPositions(text: string): JsonPositions {
  const out: JsonPositions = { value: new Map(), key: new Map() };
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const posOf = (offset: number): TextPosition => {
    let lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (lineStarts[mid] <= offset) lo = mid; else hi = mid - 1; }
    return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
  };
  let i = 0;
  const fail = (expected: string): never => { throw new JsonSyntaxError(posOf(Math.min(i, text.length)), expected); };
  const ws = () => { while (i < text.length && ' \t\r\n'.includes(text[i])) i++; };
  const str = (): string => {
    if (text[i] !== '"') fail('a string');
    const start = i++;
    while (i < text.length && text[i] !== '"') { if (text[i] === '\\') i++; else if (text.charCodeAt(i) < 0x20) fail('no control character in a string'); i++; }
    if (i >= text.length) fail('the closing quote of a string');
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (ptr: string): void => {
    ws();
    out.value.set(ptr, posOf(i));
    const c = text[i];
    if (c === '{') members(ptr);
    else if (c === '[') items(ptr);
    else if (c === '"') str();
    else {
      const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
      if (!m) fail('a JSON value (object, array, string, number, true, false or null)');
      i += m![0].length;
    }
  };
  const members = (ptr: string): void => {
    i++; ws();
    if (text[i] === '}') { i++; return; }
    for (;;) {
      ws();
      const keyAt = posOf(i);
      const child = `${ptr}/${pointerToken(str())}`;
      out.key.set(child, keyAt);
      ws();
      if (text[i] !== ':') fail('":" after a member name');
      i++;
      value(child);
      ws();
      if (text[i] === ',') { i++; continue; }
      if (text[i] === '}') { i++; return; }
      fail('"," or "}" in an object');
    }
  };
  const items = (ptr: string): void => {
    i++; ws();
    if (text[i] === ']') { i++; return; }
    for (let k = 0; ; k++) {
      value(`${ptr}/${k}`);
      ws();
      if (text[i] === ',') { i++; continue; }
      if (text[i] === ']') { i++; return; }
      fail('"," or "]" in an array');
    }
  };
  value('');
  ws();
  if (i < text.length) fail('the end of the file after the top-level value');
  return out;
}
