import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { createRequire } from 'node:module';
import type { GraphQLError as GraphQLErrorType, GraphQLInputObjectType, GraphQLSchema, OperationDefinitionNode } from 'graphql';

// The CommonJS graphql that @apollo/subgraph built the schema with and graphql-jit runs on: its type checks are by
// class, so a second copy (a test runner resolving `graphql` to its ESM build) would not recognise the schema's types.
const { execute, getNamedType, getVariableValues, GraphQLError, isInputObjectType, isNonNullType, typeFromAST } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

/**
 * Executes a subgraph's operations with graphql-jit: each distinct document is compiled once into a function that
 * resolves exactly its selection, then reused. Why: the national roll-up asks production for 552 output rows
 * (~2,800 fields) per request, and graphql-js spent more CPU walking them (argument coercion on every field,
 * promise checks, completion by type) and Apollo more turning its null-prototype result objects into JSON than
 * the subgraph spent in SQL. The compiled function calls the same resolvers with the same arguments, context and
 * resolve info, and builds plain objects that serialize on V8's fast path.
 *
 * Apollo Server runs everything else as before (parsing, validation, plugins, error formatting): it hands
 * execution to a "gateway" — the one extension point it has for execution — that serves this subgraph's own
 * schema. Compiled documents are kept per query hash and operation name, at most `capacity` (least recently used
 * forgotten first); a subgraph's callers are the gateway's planned operations, a small, stable set.
 */
type Gateway = ApolloServerOptionsWithGateway<object>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

export function compiledExecution(schema: GraphQLSchema, capacity = 1_000): Gateway & { readonly compiled: number } {
  const compiled = new Map<string, CompiledQuery | 'graphql-js'>();
  const executor: Executor = async (requestContext) => {
    const key = `${requestContext.queryHash}\n${requestContext.operationName ?? ''}`;
    const { document, operation, operationName, context } = requestContext;
    const variables = requestContext.request.variables ?? {};
    let query = compiled.get(key);
    if (query) {
      compiled.delete(key);
    } else {
      const result = jitCanCoerce(schema, operation) ? compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true }) : 'graphql-js';
      // A document graphql-jit cannot compile runs on graphql-js, which reports whatever is wrong with it.
      query = result === 'graphql-js' || isCompiledQuery(result) ? result : 'graphql-js';
      if (compiled.size >= capacity) compiled.delete(compiled.keys().next().value!);
    }
    compiled.set(key, query);
    if (query === 'graphql-js') return execute({ schema, document, operationName, contextValue: context, variableValues: variables });
    // Variables are checked by graphql-js first: its errors are the ones Apollo recognises as the client's
    // (BAD_USER_INPUT, HTTP 400), word for word as without compilation. The compiled function reads the same values.
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
    if (coerced.errors) return { errors: coerced.errors };
    const result = await query.query(undefined, context, variables);
    // Errors first, as graphql-js writes them.
    return result.errors ? { errors: result.errors.map(asGraphQLError), data: result.data } : result;
  };
  return {
    /** Documents held compiled (or marked for graphql-js). */
    get compiled() {
      return compiled.size;
    },
    load: async () => ({ executor }),
    onSchemaLoadOrUpdate: (callback) => {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    stop: async () => undefined,
  };
}

/**
 * graphql-jit's errors are GraphQLErrors by prototype only: no `extensions` object when the resolver's error had
 * none, which Apollo's error formatting reads unconditionally. Each becomes graphql-js's own, same message, path,
 * locations, extensions and original error (what formatError and the error codes depend on).
 */
function asGraphQLError(error: GraphQLErrorType): GraphQLErrorType {
  const original = error.originalError;
  const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: original, extensions: error.extensions });
  if (error.locations) (rebuilt as { locations?: unknown }).locations = error.locations;
  return rebuilt;
}

/**
 * graphql-jit 0.8.9 applies an input field's default only when the field's type is nullable: a variable omitting
 * `destination: FlowDestination! = BODY` is refused where the spec fills in BODY. An operation whose variables reach
 * such a field (through any depth of input objects) runs on graphql-js instead; decided once per document.
 */
function jitCanCoerce(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  const seen = new Set<GraphQLInputObjectType>();
  const safe = (type: ReturnType<typeof getNamedType>): boolean => {
    if (!isInputObjectType(type) || seen.has(type)) return true;
    seen.add(type);
    return Object.values(type.getFields()).every((field) => !(isNonNullType(field.type) && field.defaultValue !== undefined) && safe(getNamedType(field.type)));
  };
  return (operation.variableDefinitions ?? []).every((definition) => {
    const type = typeFromAST(schema, definition.type as never);
    return type === undefined || safe(getNamedType(type));
  });
}
