/**
 * SQL as it may appear in a trace: literals replaced by `?`. MikroORM already hands over statements with
 * placeholders, but raw statements written by hand may inline a value, and a trace must never carry one (ballots
 * are secret, people's data is personal). Quoted identifiers ("table") are kept; numbers inside names (t0) too.
 */
export function statementText(sql: string): string {
  return sql
    .replace(/'(?:[^']|'')*'/g, '?')
    .replace(/\$\$[\s\S]*?\$\$/g, '?')
    .replace(/(?<![\w$."])-?\d+(?:\.\d+)?(?:e[+-]?\d+)?(?![\w"])/gi, '?')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The span name of a statement: its leading keyword (`select`, `insert`…), as OpenTelemetry's conventions suggest. */
export function statementVerb(sql: string): string {
  return /^\s*(\w+)/.exec(sql)?.[1]?.toLowerCase() ?? 'sql';
}
