/**
 * Derives a TypeScript type from a JSON Schema literal (`as const`), so the schema is the one
 * source of truth and the type cannot drift from it. Covers the subset the scenario schema uses:
 * `$ref` into `$defs`, `const`, `enum`, `oneOf`, objects (`properties` + `required`), arrays
 * (`items`, or `prefixItems` for tuples) and the scalar types (null included). Unknown keywords (bounds, patterns,
 * descriptions, `discriminator`) only constrain values and leave the type alone.
 */
export type FromSchema<S, Defs = S extends { $defs: infer D } ? D : object> = Resolve<S, Defs>;

type Resolve<S, D> =
  S extends { $ref: `#/$defs/${infer N}` } ? (N extends keyof D ? Resolve<D[N], D> : never)
  : S extends { const: infer C } ? C
  : S extends { enum: ReadonlyArray<infer E> } ? E
  : S extends { oneOf: ReadonlyArray<infer U> } ? Each<U, D>
  : S extends { type: 'object' } ? ObjectOf<S, D>
  : S extends { type: 'array'; prefixItems: infer T extends ReadonlyArray<unknown> } ? { [K in keyof T]: Resolve<T[K], D> }
  : S extends { type: 'array'; items: infer I } ? ReadonlyArray<Resolve<I, D>>
  : S extends { type: 'string' } ? string
  : S extends { type: 'number' | 'integer' } ? number
  : S extends { type: 'boolean' } ? boolean
  : S extends { type: 'null' } ? null
  : unknown;

/** Distributes over the members of a union of schemas. */
type Each<U, D> = U extends unknown ? Resolve<U, D> : never;

type Required<S> = S extends { required: ReadonlyArray<infer R> } ? R : never;

type ObjectOf<S, D> = S extends { properties: infer P }
  ? Flatten<
      { readonly [K in keyof P as K extends Required<S> ? K : never]: Resolve<P[K], D> }
      & { readonly [K in keyof P as K extends Required<S> ? never : K]?: Resolve<P[K], D> }
    >
  : Record<string, unknown>;

/** Shows the intersection as one object type in editors and error messages. */
type Flatten<T> = { [K in keyof T]: T[K] } & {};
