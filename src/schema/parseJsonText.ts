import { jsonPositions, JsonSyntaxError } from './jsonPositions';

/**
 * JSON.parse with an error a person can act on: a syntax error throws naming `file`, the line and
 * column and what was expected there (node's own message often gives neither: "Unexpected end of
 * JSON input"). The text is scanned a second time only when it does not parse.
 */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    try {
      jsonPositions(text, false);
    } catch (located) {
      if (located instanceof JsonSyntaxError) {
        throw new Error(`${file}:${located.position.line}:${located.position.column}: not valid JSON: expected ${located.expected}`);
      }
    }
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
  }
}
