import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Safelist mode: only operations listed in a manifest of trusted documents (`{ "<sha256>": "<query>" }`, the shape
 * persisted-query tooling produces) are executed. Automatic persisted queries are a performance feature; this is
 * the security one, for deployments that serve known clients only.
 */
export function trustedDocumentsPlugin(manifestPath: string): ApolloServerPlugin {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, string>;
  const allowed = new Set(Object.values(manifest).map((query) => createHash('sha256').update(query).digest('hex')));
  return {
    async requestDidStart() {
      return {
        // Refused once the operation is resolved but before it executes: Apollo answers errors thrown here with
        // their own code and status, and no subgraph is called.
        async didResolveOperation({ source }) {
          if (!allowed.has(createHash('sha256').update(source ?? '').digest('hex'))) {
            throw new GraphQLError('This operation is not in the list of trusted documents', {
              extensions: { code: 'OPERATION_NOT_TRUSTED', http: { status: 403 } },
            });
          }
        },
      };
    },
  };
}
