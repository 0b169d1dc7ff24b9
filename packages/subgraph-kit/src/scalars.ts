import { GraphQLScalarType, Kind } from 'graphql';
import { badInput } from './errors.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2025-02-30). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Today's date in UTC as `YYYY-MM-DD`; dates are compared as strings, which sort chronologically. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw badInput(`"${String(value)}" is not a date; write it as YYYY-MM-DD, e.g. 2024-04-21`);
  }
  return value;
}

/** A calendar date without time or zone, `YYYY-MM-DD`. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date without time or zone, written YYYY-MM-DD.',
  serialize: (value) => parseDate(value),
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw badInput('A Date is written as a string, YYYY-MM-DD');
    return parseDate(ast.value);
  },
});

/** An arbitrary JSON object (used for GeoJSON geometries); only output here, never parsed from literals. */
export const JSONObjectScalar = new GraphQLScalarType<unknown, unknown>({
  name: 'JSONObject',
  description: 'A JSON object.',
  serialize: (value) => value,
  parseValue: (value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badInput('Expected a JSON object');
    return value;
  },
  parseLiteral: () => {
    throw badInput('Pass JSON objects as variables, not inline literals');
  },
});
