import { parseGlobalId } from './global-id.js';
import { placeholders } from './pagination.js';

/** A WHERE clause under construction: conditions joined by AND, with their parameters in order. */
export class Where {
  private readonly conditions: string[] = [];
  readonly params: unknown[] = [];

  add(condition: string, ...params: unknown[]): this {
    this.conditions.push(condition);
    this.params.push(...params);
    return this;
  }

  /** `column = key of id`, when an id filter was given. */
  id(column: string, id: string | null | undefined, kind: string, argument: string): this {
    if (id != null) this.add(`${column} = ?`, parseGlobalId(id, kind, argument));
    return this;
  }

  oneOf(column: string, values: readonly string[] | null | undefined): this {
    if (values && values.length > 0) this.add(`${column} in (${placeholders(values.length)})`, ...values);
    return this;
  }

  equals(column: string, value: unknown): this {
    if (value != null) this.add(`${column} = ?`, value);
    return this;
  }

  /** Case-insensitive substring match; LIKE wildcards in the text are matched literally. */
  contains(column: string, text: string | null | undefined): this {
    if (text) this.add(`lower(${column}) like ? escape '\\'`, `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    return this;
  }

  toSql(): string {
    return this.conditions.length ? this.conditions.join(' and ') : '1 = 1';
  }
}
