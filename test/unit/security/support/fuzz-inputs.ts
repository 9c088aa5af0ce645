import fc from 'fast-check';

/** Keys that try to reach `Object.prototype` through a merge, a spread or a lookup. */
export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/**
 * An object whose own keys include `__proto__` (as `JSON.parse` and structured clone create it,
 * unlike an object literal, which would set the prototype instead).
 */
export function pollutionObject(payload: unknown): Record<string, unknown> {
  const text = JSON.stringify({
    __proto__: { polluted: payload ?? 'yes' },
    constructor: { prototype: { polluted: payload ?? 'yes' } },
    prototype: { polluted: payload ?? 'yes' },
  });
  return JSON.parse(text) as Record<string, unknown>;
}

/** A value nested `depth` levels deep, as objects or arrays. */
export function nested(depth: number, asArray: boolean): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = asArray ? [value] : { a: value };
  return value;
}

/** A string of `length` copies of one character (huge strings without fast-check's cost). */
const hugeString = fc
  .tuple(
    fc.constantFrom('x', ' ', '\u0000', 'é', '\n', '%', '../', '\u202e'),
    fc.integer({ min: 10_001, max: 200_000 }),
  )
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

/** Values of the wrong type for almost any field. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER + 2),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.string(),
  fc.array(fc.string(), { maxLength: 5 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 5 }),
  fc.date(),
  fc.bigInt(),
);

/** Anything a structured clone (Electron IPC) can carry, and more. */
const anything: fc.Arbitrary<unknown> = fc.anything({
  maxDepth: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** Deeply nested objects and arrays. */
const deep = fc
  .tuple(fc.integer({ min: 50, max: 2_000 }), fc.boolean())
  .map(([depth, asArray]) => nested(depth, asArray));

/** A value to put in a field: anything malformed. */
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: wrongType },
  { weight: 2, arbitrary: anything },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: fc.jsonValue().map(pollutionObject) },
);

type Mutation = (base: Record<string, unknown>) => unknown;

/** One change to a valid input that a careless or hostile caller could make. */
function mutationArbitrary(): fc.Arbitrary<Mutation> {
  return fc.oneof(
    // Replace one field with a malformed value.
    fc.tuple(fc.nat(), badValue).map(([index, value]): Mutation => (base) => {
      const keys = Object.keys(base);
      if (keys.length === 0) return { [POLLUTION_KEYS[index % POLLUTION_KEYS.length]!]: value };
      return { ...base, [keys[index % keys.length]!]: value };
    }),
    // Drop one field.
    fc.nat().map((index): Mutation => (base) => {
      const keys = Object.keys(base);
      const copy = { ...base };
      if (keys.length > 0) delete copy[keys[index % keys.length]!];
      return copy;
    }),
    // Add an unknown or prototype-polluting key (as an own property).
    fc
      .tuple(fc.oneof(fc.constantFrom(...POLLUTION_KEYS), fc.string({ minLength: 1 })), badValue)
      .map(([key, value]): Mutation => (base) => {
        const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
        Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
        return copy;
      }),
    // Wrap the valid input in the wrong container.
    fc.constantFrom<Mutation>(
      (base) => [base],
      (base) => JSON.stringify(base),
      (base) => ({ input: base }),
      (base) => new Map(Object.entries(base)),
    ),
    // Replace each string field with a huge one.
    hugeString.map(
      (huge): Mutation =>
        (base) =>
          Object.fromEntries(Object.entries(base).map(([k, v]) => [k, typeof v === 'string' ? huge : v])),
    ),
  );
}

/**
 * Random and malformed inputs for one contract call: arbitrary values, wrong types, huge strings,
 * prototype-pollution keys, deep nesting, and mutations of the call's valid inputs.
 */
export function malformedInputs(validSamples: readonly Record<string, unknown>[]): fc.Arbitrary<unknown> {
  const mutated =
    validSamples.length > 0
      ? fc.tuple(fc.constantFrom(...validSamples), mutationArbitrary()).map(([base, mutate]) => mutate(base))
      : fc.constant({});
  return fc.oneof(
    { weight: 2, arbitrary: fc.jsonValue() },
    { weight: 2, arbitrary: anything },
    { weight: 1, arbitrary: wrongType },
    { weight: 1, arbitrary: hugeString },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: fc.jsonValue().map(pollutionObject) },
    { weight: 5, arbitrary: mutated },
  );
}
