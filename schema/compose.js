// Composes the supergraph from each subgraph's SDL with @apollo/composition.
//   node compose.js          writes supergraph.graphql
//   node compose.js --check  fails when supergraph.graphql is stale, or composition reports errors or hints
//                            that are not listed in accepted-hints.json
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

const here = (file) => new URL(file, import.meta.url);
const subgraphs = JSON.parse(readFileSync(here('subgraphs.json'), 'utf8'));
const accepted = existsSync(here('accepted-hints.json')) ? JSON.parse(readFileSync(here('accepted-hints.json'), 'utf8')) : [];

const check = process.argv.includes('--check');
const missing = Object.keys(subgraphs).filter((name) => !existsSync(here(`${name}.graphql`)));
if (missing.length) {
  // While a subgraph is being built its SDL may not exist yet; a committed supergraph must have them all.
  console.error(`no SDL yet for: ${missing.join(', ')}${check ? '' : ' (composed without them)'}`);
  if (check) process.exit(1);
}
const services = Object.entries(subgraphs)
  .filter(([name]) => !missing.includes(name))
  .map(([name, { url }]) => ({ name, url, typeDefs: parse(readFileSync(here(`${name}.graphql`), 'utf8')) }));

const result = composeServices(services);
if (result.errors?.length) {
  for (const error of result.errors) console.error(`composition error: ${error.message}`);
  process.exit(1);
}
const unaccepted = (result.hints ?? []).filter((hint) => !accepted.some((a) => a.code === hint.definition.code && hint.message.includes(a.contains ?? '')));
for (const hint of unaccepted) console.error(`composition hint (${hint.definition.code}): ${hint.message}`);

const supergraph = `${result.supergraphSdl.trimEnd()}\n`;
const target = here('supergraph.graphql');
if (check) {
  const committed = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (committed !== supergraph) {
    console.error('schema/supergraph.graphql is stale: run `npm run compose` and commit it');
    process.exit(1);
  }
  if (unaccepted.length) {
    console.error('composition hints above are not accepted in schema/accepted-hints.json');
    process.exit(1);
  }
  console.log(`supergraph is fresh (${services.length} subgraphs, ${(result.hints ?? []).length} accepted hints)`);
} else {
  writeFileSync(target, supergraph);
  console.log(`wrote schema/supergraph.graphql from ${services.map((s) => s.name).join(', ')}`);
}
