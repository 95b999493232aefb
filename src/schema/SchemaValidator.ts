import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { ajvIssues } from './ajvIssue';
import type { JsonIssue } from './JsonIssue';
import { jsonPositions, JsonSyntaxError, type JsonPositions, type TextPosition } from './jsonPositions';

/** An issue before it has a place in the text; `onKey` points at the member key rather than its value. */
export type UnplacedIssue = Omit<JsonIssue, 'line' | 'column'> & { onKey?: boolean };

/** Line and column of a pointer: its value (its key for a misnamed property), else the nearest enclosing value. */
export function locatePointer(positions: JsonPositions | undefined, pointer: string, onKey: boolean): TextPosition {
  if (!positions) return { line: 0, column: 0 };
  const [first, second] = onKey ? [positions.key, positions.value] : [positions.value, positions.key];
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const hit = first.get(p) ?? second.get(p);
    if (hit) return hit;
    if (p === '') return { line: 1, column: 1 };
  }
}

/** Gives issues their line and column (when positions are known), sorted by place. */
export function placeIssues(issues: UnplacedIssue[], positions?: JsonPositions): JsonIssue[] {
  return issues.map(({ onKey, ...rest }) => ({ ...rest, ...locatePointer(positions, rest.pointer, onKey === true) }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Parsed JSON text with the positions of its values, or the located syntax error. */
export function parseJsonWithPositions(text: string): { value: unknown; positions: JsonPositions } | { issue: JsonIssue } {
  try {
    const positions = jsonPositions(text);
    return { value: JSON.parse(text), positions };
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    return { issue: { pointer: '', ...err.position, expected: `valid JSON: ${err.expected}` } };
  }
}

/**
 * A JSON Schema (2020-12) compiled once (ajv, ~50 ms) that reports every problem as an unplaced
 * issue: JSON pointer, what was expected and what was found.
 */
export class SchemaValidator {
  private compiled: ValidateFunction | null = null;

  constructor(private readonly schema: { $defs?: object }) {}

  /** Issues of `value` against the schema; [] when it is valid. */
  issues(value: unknown): UnplacedIssue[] {
    if (!this.compiled) {
      const ajv = new Ajv2020({ allErrors: true, verbose: true, discriminator: true, strict: true, strictTuples: true, strictRequired: false });
      this.compiled = ajv.compile(this.schema as object);
    }
    if (this.compiled(value)) return [];
    return ajvIssues(this.compiled.errors ?? [], (this.schema.$defs ?? {}) as Record<string, Record<string, unknown>>);
  }
}
