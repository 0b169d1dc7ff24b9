// The gateway at /graphql of this same origin: the page must work wherever the gateway is, and reach nothing else.
export const GRAPHQL_PATH = '/graphql';

/** GraphiQL's fetcher: one POST per operation, with the headers the user typed (e.g. a bearer token). */
export async function fetcher(params: unknown, options?: { headers?: Record<string, unknown> }): Promise<unknown> {
  const response = await fetch(GRAPHQL_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(options?.headers as Record<string, string> | undefined) },
    body: JSON.stringify(params),
  });
  return response.json();
}
