import { describe, expect, it } from 'vitest';
import { Progress } from '../src/progress.js';

function sink(isTTY: boolean) {
  const out = { text: '', isTTY, write: (chunk: string) => ((out.text += chunk), true) };
  return out;
}

describe('progress', () => {
  it('prints a line per tenth when not on a terminal, so logs show movement without flooding', () => {
    const out = sink(false);
    const bar = new Progress('rows', 200, out as never);
    for (let i = 0; i < 200; i++) bar.advance();
    bar.finish();
    const lines = out.text.trim().split('\n');
    // The first step, then every tenth up to 100 %.
    expect(lines).toHaveLength(11);
    expect(lines.at(-1)).toBe(`rows [${'#'.repeat(30)}] 200/200 100%`);
  });

  it('redraws one line on a terminal, and stays silent when quiet', () => {
    const tty = sink(true);
    const bar = new Progress('rows', 4, tty as never);
    bar.update(2);
    expect(tty.text).toBe(`\rrows [${'#'.repeat(15)}${'.'.repeat(15)}] 2/4 50%`);
    const quiet = sink(true);
    new Progress('rows', 4, quiet as never, true).update(4);
    expect(quiet.text).toBe('');
  });
});
