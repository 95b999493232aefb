/** Thrown for invalid input files: names the file, the JSON path and what was expected. */
export class InputError extends Error {
  constructor(file: string, path: string, expected: string, got: unknown) {
    let shown: string | undefined;
    try {
      shown = got === undefined ? 'nothing' : JSON.stringify(got)?.slice(0, 80);
    } catch {
      shown = '(a value nested too deeply to show)'; // JSON.stringify overflows the stack past a few thousand levels
    }
    super(`${file}: ${path || '(root)'}: expected ${expected}, got ${shown}`);
    this.name = 'InputError';
  }
}

type Obj = Record<string, unknown>;

/**
 * Reads typed values out of parsed JSON with errors a person can act on ("file: $.grid.cellSizeM:
 * expected a number > 0, got -5"). Unknown keys are errors too, so typos do not pass silently.
 */
export class JsonReader {
  readonly file: string;

  constructor(file: string) { this.file = file; }

  fail(path: string, expected: string, got: unknown): never { throw new InputError(this.file, path, expected, got); }

  object(v: unknown, path: string, allowed: string[]): Obj {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(path, 'an object', v);
    for (const key of Object.keys(v as Obj)) {
      if (!allowed.includes(key)) this.fail(`${path}.${key}`, `a known key (this one is unknown; allowed: ${allowed.join(', ')})`, (v as Obj)[key]);
    }
    return v as Obj;
  }

  number(v: unknown, path: string, min = -Infinity, max = Infinity, what = ''): number {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      const range = min > -Infinity && max < Infinity ? ` in [${min}, ${max}]` : min > -Infinity ? ` >= ${min}` : max < Infinity ? ` <= ${max}` : '';
      this.fail(path, `a number${range}${what ? ` ${what}` : ''}`, v);
    }
    return v as number;
  }

  integer(v: unknown, path: string, min: number, max = Infinity): number {
    if (!Number.isInteger(v) || (v as number) < min || (v as number) > max) this.fail(path, `an integer in [${min}, ${max}]`, v);
    return v as number;
  }

  string(v: unknown, path: string, choices?: string[]): string {
    if (typeof v !== 'string' || (choices && !choices.includes(v))) this.fail(path, choices ? `one of ${choices.map((c) => `"${c}"`).join(', ')}` : 'a string', v);
    return v as string;
  }

  numbers(v: unknown, path: string, min = -Infinity, length?: number): number[] {
    if (!Array.isArray(v) || (length !== undefined && v.length !== length) || v.length === 0) {
      this.fail(path, length !== undefined ? `an array of ${length} numbers` : 'a non-empty array of numbers', v);
    }
    return (v as unknown[]).map((x, k) => this.number(x, `${path}[${k}]`, min));
  }

  /** Times that start at >= 0 and increase strictly. */
  times(v: unknown, path: string): number[] {
    const t = this.numbers(v, path, 0);
    t.forEach((x, k) => { if (k > 0 && !(x > t[k - 1])) this.fail(`${path}[${k}]`, `a time > ${t[k - 1]} (times must increase)`, x); });
    return t;
  }

  optional<T>(o: Obj, key: string, read: (v: unknown) => T, fallback: T): T {
    return o[key] === undefined ? fallback : read(o[key]);
  }
}
