/**
 * A progress bar on stderr (stdout stays clean for data and reports). On a terminal it redraws one line; in a log
 * or CI it prints a line at each tenth, so long work still shows it is moving without flooding the output.
 */
export class Progress {
  private done = 0;
  private lastTenth = -1;
  private readonly tty: boolean;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly quiet = false,
  ) {
    this.tty = Boolean(out.isTTY);
  }

  advance(by = 1): void {
    this.update(this.done + by);
  }

  /** Sets how much is done (e.g. rows read so far). */
  update(done: number): void {
    this.done = Math.min(this.total, done);
    if (!this.quiet) this.draw();
  }

  finish(): void {
    if (!this.quiet && this.tty) this.out.write('\n');
  }

  /** The bar as text: `label [#####.....] 50/100 50%`. */
  render(): string {
    const ratio = this.total ? this.done / this.total : 1;
    const width = 30;
    const filled = Math.round(ratio * width);
    return `${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total} ${Math.round(ratio * 100)}%`;
  }

  private draw(): void {
    if (this.tty) {
      this.out.write(`\r${this.render()}`);
      return;
    }
    const tenth = this.total ? Math.floor((this.done / this.total) * 10) : 10;
    if (tenth !== this.lastTenth) {
      this.lastTenth = tenth;
      this.out.write(`${this.render()}\n`);
    }
  }
}
