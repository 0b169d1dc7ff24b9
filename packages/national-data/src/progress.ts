/** A one-line progress bar on stderr (redrawn at most ten times a second; plain lines when stderr is not a terminal). */
export function progressBar(total: number, label: string) {
  const started = performance.now();
  let done = 0;
  let drawn = 0;
  const tty = process.stderr.isTTY;
  const draw = (final = false) => {
    const share = total ? done / total : 1;
    const width = 30;
    const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.');
    const line = `${label.padEnd(11)} [${bar}] ${(share * 100).toFixed(0).padStart(3)} % ${done.toLocaleString('en')} / ${total.toLocaleString('en')} rows ${((performance.now() - started) / 1000).toFixed(1)} s`;
    if (tty) process.stderr.write(`\r${line}${final ? '\n' : ''}`);
    else if (final || share - drawn >= 0.25) {
      process.stderr.write(`${line}\n`);
      drawn = share;
    }
  };
  let last = 0;
  return {
    advance(rows: number) {
      done += rows;
      const now = performance.now();
      if (now - last > 100) {
        last = now;
        draw();
      }
    },
    finish() {
      draw(true);
    },
  };
}
