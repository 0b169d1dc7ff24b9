/** Counts SQL statements, so tests can prove a request's statement count does not grow with its rows. */
export class StatementCounter {
  count = 0;
  readonly statements: string[] = [];
  readonly onStatement = (sql: string): void => {
    this.count++;
    if (this.statements.length < 1000) this.statements.push(sql);
  };
  reset(): void {
    this.count = 0;
    this.statements.length = 0;
  }
}
