/** A start tag, an end tag, or character data between tags, with its offset in the text. */
export type XmlToken =
  | { kind: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean; offset: number }
  | { kind: 'close'; name: string; offset: number }
  | { kind: 'text'; text: string; offset: number };

/** A well-formedness error at a character offset of the text. */
export class XmlSyntaxError extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
    this.name = 'XmlSyntaxError';
  }
}

/** "line L, column C" of an offset (1-based), counted only when a message needs it. */
export function lineColumn(text: string, offset: number): string {
  let line = 1, start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) { line++; start = i + 1; }
  return `line ${line}, column ${offset - start + 1}`;
}

const NAME = /[A-Za-z_:][\w:.\-\u00b7\u00c0-\uffff]*/y;
const ATTR = /\s+([A-Za-z_:][\w:.\-\u00b7\u00c0-\uffff]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const SPACE = /\s*/y;
const TAG_END = /\s*(\/?)>/y;
const ENTITY = /&(?:#x([0-9a-fA-F]{1,8})|#([0-9]{1,10})|(amp|lt|gt|quot|apos));|&/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** True for a code point XML 1.0 allows as a character (the `Char` production). */
function isXmlChar(c: number): boolean {
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

/** Replaces entity and character references; a malformed one or one naming a non-character throws at its offset. */
export function decodeEntities(value: string, offset: number): string {
  if (!value.includes('&')) return value;
  return value.replace(ENTITY, (ref: string, hex: string | undefined, dec: string | undefined, named: string | undefined, at: number) => {
    if (named) return NAMED[named];
    if (hex === undefined && dec === undefined) throw new XmlSyntaxError(offset + at, `"&" that starts no entity reference (write &amp;)`);
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    if (!isXmlChar(code)) throw new XmlSyntaxError(offset + at, `character reference ${ref} names U+${code.toString(16).toUpperCase()}, which is not an XML character`);
    return String.fromCodePoint(code);
  });
}

function skipPast(text: string, from: number, end: string, what: string): number {
  const k = text.indexOf(end, from);
  if (k < 0) throw new XmlSyntaxError(from, `unterminated ${what} (no "${end}" before the end of the file)`);
  return k + end.length;
}

function startTag(text: string, at: number): { token: XmlToken & { kind: 'open' }; next: number } {
  NAME.lastIndex = at + 1;
  const name = NAME.exec(text)?.[0];
  if (!name) throw new XmlSyntaxError(at, 'a "<" that starts no element name');
  const attrs: Record<string, string> = {};
  let pos = at + 1 + name.length;
  for (;;) {
    ATTR.lastIndex = pos;
    const m = ATTR.exec(text);
    if (!m) break;
    if (m[1] in attrs) throw new XmlSyntaxError(pos, `attribute ${m[1]} given twice in <${name}>`);
    const raw = m[2] ?? m[3];
    attrs[m[1]] = decodeEntities(raw, m.index + m[0].length - raw.length - 1);
    pos = ATTR.lastIndex;
  }
  TAG_END.lastIndex = pos;
  const end = TAG_END.exec(text);
  if (!end && text.indexOf('>', pos) < 0) throw new XmlSyntaxError(at, `truncated: the file ends inside the start tag <${name}>`);
  if (!end) throw new XmlSyntaxError(pos, `malformed start tag <${name}> (expected attributes name="value", then ">" or "/>")`);
  return { token: { kind: 'open', name, attrs, selfClosing: end[1] === '/', offset: at }, next: TAG_END.lastIndex };
}

/**
 * Tokenizes XML text into start tags (attributes decoded), end tags and character data (other
 * than whitespace alone), checking
 * what a reader relies on: tags and attributes well formed, entity and character references valid,
 * comments, processing instructions, CDATA and DOCTYPE terminated. Nesting is the caller's (it
 * knows which elements it expects). Throws XmlSyntaxError with the offset of the first error.
 */
export function* xmlTokens(text: string): Generator<XmlToken> {
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const stop = lt < 0 ? text.length : lt;
    SPACE.lastIndex = i;
    SPACE.exec(text);
    if (SPACE.lastIndex < stop) yield { kind: 'text', text: text.slice(i, stop), offset: i }; // whitespace alone is not reported
    if (lt < 0) return;
    if (text.startsWith('<!--', lt)) i = skipPast(text, lt + 4, '-->', 'comment');
    else if (text.startsWith('<?', lt)) i = skipPast(text, lt + 2, '?>', 'processing instruction');
    else if (text.startsWith('<![CDATA[', lt)) {
      const end = skipPast(text, lt + 9, ']]>', 'CDATA section');
      yield { kind: 'text', text: text.slice(lt + 9, end - 3), offset: lt };
      i = end;
    } else if (text.startsWith('<!DOCTYPE', lt)) i = skipPast(text, lt + 9, '>', 'DOCTYPE');
    else if (text[lt + 1] === '/') {
      NAME.lastIndex = lt + 2;
      const name = NAME.exec(text)?.[0];
      TAG_END.lastIndex = lt + 2 + (name?.length ?? 0);
      const end = name ? TAG_END.exec(text) : null;
      if (!name || !end || end[1]) throw new XmlSyntaxError(lt, 'malformed end tag (expected </name>)');
      yield { kind: 'close', name, offset: lt };
      i = TAG_END.lastIndex;
    } else {
      const { token, next } = startTag(text, lt);
      yield token;
      i = next;
    }
  }
}
