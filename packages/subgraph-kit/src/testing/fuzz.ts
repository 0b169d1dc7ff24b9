import fc from 'fast-check';
import {
  buildASTSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  type DocumentNode,
  type GraphQLInputType,
} from 'graphql';

/** Codes a refused request may carry; anything else (INTERNAL_SERVER_ERROR above all) is a bug. */
export const CLIENT_ERROR_CODES = ['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNAUTHENTICATED', 'GRAPHQL_VALIDATION_FAILED', 'SERVICE_UNAVAILABLE'];

/** Text an attacker (or a broken client) sends: empty, long, quoting, wildcards, non-Latin, and random. */
export const hostileText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom('', ' ', "'; drop table audit_entry; --", '%', '_', '\\', 'ñandú', 'Ⅻ', '🙂'.repeat(60), 'x'.repeat(3000), '1e308', '-0', 'null'),
);

function idArbitrary(kinds: readonly string[]) {
  return fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...kinds), fc.integer({ min: 1, max: 40 })).map(([kind, n]) => `${kind}:${n}`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...kinds, 'x'), fc.integer({ min: -3, max: 2 ** 53 })).map(([kind, n]) => `${kind}:${n}`) },
    { weight: 1, arbitrary: hostileText },
  );
}

const dateText = fc.oneof(
  fc.date({ min: new Date('1995-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2025-02-30', '2024-13-01', '0000-00-00', '2025-1-1'),
  hostileText,
);

const decimalText = fc.oneof(
  fc.tuple(fc.integer({ min: -1000, max: 10_000_000 }), fc.integer({ min: 0, max: 9999 })).map(([a, b]) => `${a}.${b}`),
  fc.constantFrom('0', '-1', '1e9', '0.0001', '12,5', 'NaN', '99999999999999999999'),
);

/** A value of any input type of the schema, valid or not (but always well-typed JSON for GraphQL coercion). */
function valueOf(type: GraphQLInputType, kinds: readonly string[], depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueOf(type.ofType, kinds, depth);
  if (isListType(type)) return fc.array(valueOf(type.ofType, kinds, depth + 1), { maxLength: depth > 2 ? 2 : 8 });
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.value));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const field of fields) record[field.name] = valueOf(field.type, kinds, depth + 1);
    const requiredKeys = fields.filter((f) => isNonNullType(f.type)).map((f) => f.name);
    return fc.record(record, { requiredKeys });
  }
  switch (type.name) {
    case 'ID':
      return idArbitrary(kinds);
    case 'Int':
      return fc.oneof(fc.integer({ min: -1000, max: 100_000 }), fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31)));
    case 'Float':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return dateText;
    case 'JSONObject':
      return fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 });
    default:
      // Custom scalars carried as text (decimal amounts, currencies, months…): well-formed and not.
      return fc.oneof(decimalText, hostileText, fc.constantFrom('VES', 'USD', 'XXX', '2025-03', '2031-01', 'kg'));
  }
}

export interface FuzzCase {
  name: string;
  query: string;
  variables: fc.Arbitrary<Record<string, unknown>>;
}

/**
 * One case per mutation of the SDL: an operation taking every argument as a variable, and an arbitrary of those
 * variables built from their input types (so a new mutation is fuzzed without a line written for it).
 */
export function mutationFuzzCases(typeDefs: DocumentNode, idKinds: readonly string[]): FuzzCase[] {
  // Built with this module's own graphql (federation directives need no meaning here), so type checks agree.
  const schema = buildASTSchema(typeDefs, { assumeValidSDL: true });
  const mutation = schema.getMutationType();
  if (!mutation) return [];
  return Object.values(mutation.getFields()).map((field) => {
    const named = getNamedType(field.type);
    const selection = isObjectType(named) || isInterfaceType(named) || isUnionType(named) ? ' { __typename }' : '';
    const params = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
    const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const arg of field.args) record[arg.name] = valueOf(arg.type, idKinds, 0);
    const requiredKeys = field.args.filter((a) => isNonNullType(a.type)).map((a) => a.name);
    return {
      name: field.name,
      query: `mutation${params ? `(${params})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`,
      variables: fc.record(record, { requiredKeys }) as fc.Arbitrary<Record<string, unknown>>,
    };
  });
}

/**
 * Runs are reproducible: the same seed in CI every time (FUZZ_SEED picks another, and a failure prints the seed
 * and the shrunk counterexample to replay).
 */
export const fuzzSeed = Number(process.env.FUZZ_SEED ?? 20_240_421);

export interface FuzzTarget {
  run(query: string, variables?: Record<string, unknown>): Promise<{ errors?: { extensions?: Record<string, unknown> }[] }>;
  snapshot(): Promise<string>;
}

/**
 * Throws random and hostile inputs at one mutation: it must never answer an internal error, and a refusal must
 * leave every table (the audit trail included) exactly as it was.
 */
export async function fuzzMutation(target: FuzzTarget, fuzzCase: FuzzCase, numRuns: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fuzzCase.variables, async (variables) => {
      const before = await target.snapshot();
      const result = await target.run(fuzzCase.query, variables);
      if (result.errors?.length) {
        const code = String(result.errors[0]!.extensions?.code);
        if (!CLIENT_ERROR_CODES.includes(code)) throw new Error(`${fuzzCase.name} answered ${code}: ${JSON.stringify(result.errors[0])}`);
        if ((await target.snapshot()) !== before) throw new Error(`${fuzzCase.name} was refused (${code}) but changed the database`);
      }
    }),
    { numRuns, seed: fuzzSeed },
  );
}
