// Preloaded into each subgraph by the benchmark (node --import): counts the SQL statements MikroORM sends,
// and answers the running total on a side port, so the benchmark can report statements per request without
// any change to the subgraphs.
import { createServer } from 'node:http';
import { MikroORM } from '@mikro-orm/core';

let statements = 0;
const init = MikroORM.init.bind(MikroORM);
MikroORM.init = (options = {}) => {
  const next = options.onQuery;
  return init({ ...options, onQuery: (sql, params) => {
    statements++;
    return next ? next(sql, params) : sql;
  } });
};
const port = Number(process.env.BENCH_COUNTER_PORT);
if (port) createServer((_req, res) => res.end(String(statements))).listen(port, '127.0.0.1').unref();
