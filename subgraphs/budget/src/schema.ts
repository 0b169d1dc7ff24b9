import { readFileSync } from 'node:fs';
import { parse } from 'graphql';

/** The budget SDL: the contract, kept in schema/ beside the other subgraphs' and the supergraph. */
export const typeDefs = parse(readFileSync(new URL('../../../schema/budget.graphql', import.meta.url), 'utf8'));
