import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ValidationRule } from 'graphql';
import type { GatewayConfig } from './config.js';

/**
 * Query hardening, applied while the gateway validates an operation, before any subgraph is called: depth,
 * cost, aliases, tokens and directives are bounded; field suggestions are hidden in production (they map the
 * schema for an attacker who has no introspection). Batched HTTP requests stay off (Apollo Server's default).
 */
export function queryLimits(config: GatewayConfig): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const armor = new ApolloArmor({
    maxDepth: { n: config.MAX_DEPTH, ignoreIntrospection: true, flattenFragments: true },
    costLimit: { maxCost: config.MAX_COST, ignoreIntrospection: true },
    maxAliases: { n: config.MAX_ALIASES },
    maxTokens: { n: config.MAX_TOKENS },
    maxDirectives: { n: config.MAX_DIRECTIVES },
    blockFieldSuggestion: { enabled: config.NODE_ENV === 'production' },
  });
  const { plugins, validationRules } = armor.protect();
  // graphql-armor is typed against the CommonJS build of @apollo/server; the plugin objects are the same.
  return { plugins: plugins as unknown as ApolloServerPlugin[], validationRules };
}
