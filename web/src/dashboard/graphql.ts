// The public graph at /graphql of this origin. Reads need no token; nothing else is ever contacted.
const GRAPHQL_PATH = '/graphql';

/** A field or type the schema does not (yet) offer: the panel says so instead of failing. */
export class MissingInSchema extends Error {}

interface Body<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function query<T>(text: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(GRAPHQL_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: text, variables }),
  });
  const body = (await response.json()) as Body<T>;
  const errors = body.errors ?? [];
  if (errors.some((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')) {
    throw new MissingInSchema(errors.map((e) => e.message).join('; '));
  }
  if (errors.length || !body.data) throw new Error(errors.map((e) => e.message).join('; ') || `HTTP ${response.status}`);
  return body.data;
}
