import { readFileSync } from 'node:fs';
import { parse } from 'graphql';

/** The production SDL: the contract, kept in schema/ beside the other subgraphs' and the supergraph. */
export const typeDefs = parse(readFileSync(new URL('../../../schema/production.graphql', import.meta.url), 'utf8'));
