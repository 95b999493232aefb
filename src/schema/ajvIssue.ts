import type { ErrorObject } from 'ajv/dist/2020';
import { pointerToken } from './jsonPositions';
import { shortJson, type JsonIssue } from './JsonIssue';

type Schema = Record<string, unknown>;
type Defs = Record<string, Schema>;

/** Kinds a discriminated `oneOf` of `$ref`s accepts (each branch's `properties.kind.const`). */
function kindsOf(parent: Schema, defs: Defs): string[] {
  const refs = (parent.oneOf as Array<{ $ref: string }> | undefined) ?? [];
  return refs.map((r) => (defs[r.$ref.replace('#/$defs/', '')]?.properties as Schema | undefined)?.kind as { const: string } | undefined)
    .filter((k) => k !== undefined).map((k) => k.const);
}

function bound(e: ErrorObject): string {
  const p = e.params as { comparison?: string; limit?: number };
  return `a number ${p.comparison} ${p.limit}`;
}

/** The pointer and "expected ..." text of one ajv error (ajv run with verbose: true). */
function describe(e: ErrorObject, defs: Defs): { pointer: string; expected: string; got?: unknown; onKey?: boolean } | null {
  const parent = (e.parentSchema ?? {}) as Schema;
  const p = e.params as Record<string, unknown>;
  const at = e.instancePath;
  switch (e.keyword) {
    case 'required': return { pointer: `${at}/${pointerToken(String(p.missingProperty))}`, expected: `the required property "${p.missingProperty}"`, got: undefined };
    case 'additionalProperties': {
      const allowed = Object.keys((parent.properties as Schema | undefined) ?? {});
      return { pointer: `${at}/${pointerToken(String(p.additionalProperty))}`, expected: `no property "${p.additionalProperty}" here (allowed: ${allowed.join(', ')})`, onKey: true };
    }
    case 'type': return { pointer: at, expected: `${/^[aeiou]/.test(String(p.type)) ? 'an' : 'a'} ${p.type}`, got: e.data };
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum': return { pointer: at, expected: bound(e), got: e.data };
    case 'enum': return { pointer: at, expected: `one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`, got: e.data };
    case 'const': return { pointer: at, expected: JSON.stringify(p.allowedValue), got: e.data };
    case 'pattern': return { pointer: at, expected: `a string matching ${p.pattern}${parent.description ? ` (${parent.description})` : ''}`, got: e.data };
    case 'minItems': return { pointer: at, expected: `at least ${p.limit} item${p.limit === 1 ? '' : 's'}`, got: e.data };
    case 'maxItems': return { pointer: at, expected: `at most ${p.limit} items`, got: `${(e.data as unknown[]).length} items` };
    case 'minLength': return { pointer: at, expected: `a string of at least ${p.limit} character${p.limit === 1 ? '' : 's'}`, got: e.data };
    case 'minProperties': return { pointer: at, expected: `an object with at least ${p.limit} propert${p.limit === 1 ? 'y' : 'ies'}`, got: e.data };
    case 'uniqueItems': return { pointer: `${at}/${p.i}`, expected: `no duplicates (items ${p.j} and ${p.i} are equal)`, got: (e.data as unknown[])[p.i as number] };
    case 'anyOf': {
      const names = ((parent.anyOf as Array<{ required?: string[] }>) ?? []).flatMap((s) => s.required ?? []);
      return { pointer: at, expected: names.length ? `at least one of the properties ${names.map((n) => `"${n}"`).join(', ')}` : 'a value matching one of the allowed shapes' };
    }
    case 'discriminator': {
      const kinds = kindsOf(parent, defs);
      const tag = String(p.tag);
      return p.error === 'tag'
        ? { pointer: `${at}/${tag}`, expected: `a string "${tag}": one of ${kinds.map((k) => `"${k}"`).join(', ')}`, got: (e.data as Schema)?.[tag] }
        : { pointer: `${at}/${tag}`, expected: `"${tag}" one of ${kinds.map((k) => `"${k}"`).join(', ')}`, got: p.tagValue };
    }
    case 'items': case 'prefixItems': return { pointer: at, expected: `${parent.minItems ?? ''} items`.trim(), got: e.data };
    default: return { pointer: at, expected: e.message ?? e.keyword, got: e.data };
  }
}

/** ajv errors as issues (no positions yet), dropping the noise of branches anyOf already reports. */
export function ajvIssues(errors: ErrorObject[], defs: Defs): Array<Omit<JsonIssue, 'line' | 'column'> & { onKey?: boolean }> {
  const out: Array<Omit<JsonIssue, 'line' | 'column'> & { onKey?: boolean }> = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (/\/anyOf\/\d+\//.test(e.schemaPath)) continue;
    const d = describe(e, defs);
    if (!d) continue;
    const key = `${d.pointer}|${d.expected}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ pointer: d.pointer, expected: d.expected, got: d.got === undefined ? undefined : shortJson(d.got), onKey: d.onKey });
  }
  // A missing discriminator is reported by the discriminator error (with the kinds allowed) alone.
  return out.filter((i) => !(i.expected.startsWith('the required property') && out.some((o) => o !== i && o.pointer === i.pointer)));
}
