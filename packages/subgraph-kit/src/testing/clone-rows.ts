type Execute = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** Values as read back by either driver, made fit to insert again (PostgreSQL returns JSON columns parsed). */
const insertable = (value: unknown) => (value !== null && typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : value);

/**
 * Inserts `count` copies of the row `sourceId` of `table`, each changed by `vary(i)` (unique codes, other parents),
 * with ids the database assigns; returns the new ids in order. For tests that need a thousand rows of a kind the
 * sample has a dozen of, on SQLite and PostgreSQL alike.
 */
export async function cloneRows(execute: Execute, table: string, sourceId: number, count: number, vary: (i: number) => Record<string, unknown> = () => ({})): Promise<number[]> {
  const [source] = await execute(`select * from ${table} where id = ?`, [sourceId]);
  if (!source) throw new Error(`${table} has no row ${sourceId} to clone`);
  const [{ top }] = (await execute(`select max(id) as top from ${table}`)) as [{ top: unknown }];
  const columns = Object.keys(source).filter((c) => c !== 'id');
  const chunk = Math.max(1, Math.floor(5000 / columns.length));
  for (let start = 0; start < count; start += chunk) {
    const rows = Array.from({ length: Math.min(chunk, count - start) }, (_, k) => ({ ...source, ...vary(start + k) }));
    await execute(
      `insert into ${table} (${columns.join(', ')}) values ${rows.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')}`,
      rows.flatMap((row) => columns.map((c) => insertable(row[c]))),
    );
  }
  const added = await execute(`select id from ${table} where id > ? order by id`, [Number(top)]);
  return added.map((r) => Number(r.id));
}
