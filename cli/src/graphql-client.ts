import { DataError } from './usage.js';

export interface GraphQLErrorBody {
  message: string;
  extensions?: Record<string, unknown>;
}

/** The gateway the CLI talks to: --gateway, else COMUNA_GATEWAY, else the local default of `npm start`. */
export function gatewayUrl(flag: string | undefined): string {
  const url = flag ?? process.env.COMUNA_GATEWAY ?? 'http://127.0.0.1:4000/graphql';
  try {
    return new URL(url).toString();
  } catch {
    throw new DataError(`--gateway "${url}" is not a URL (e.g. http://127.0.0.1:4000/graphql)`);
  }
}

/** Posts one operation; answers `data`, or throws with the gateway's own messages so the user sees the cause. */
export async function graphql<T>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new DataError(`Cannot reach the gateway at ${url} (${(error as Error).cause ?? (error as Error).message}); is it running (npm start)?`);
  }
  const text = await response.text();
  let body: { data?: T | null; errors?: GraphQLErrorBody[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new DataError(`The gateway at ${url} answered HTTP ${response.status} with something other than GraphQL: ${text.slice(0, 200)}`);
  }
  if (body.errors?.length) {
    throw new DataError(body.errors.map((e) => `${e.message}${e.extensions?.code ? ` [${String(e.extensions.code)}]` : ''}`).join('\n'));
  }
  if (!body.data) throw new DataError(`The gateway at ${url} answered HTTP ${response.status} without data`);
  return body.data;
}
