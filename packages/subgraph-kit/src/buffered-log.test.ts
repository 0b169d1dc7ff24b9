import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs a script that logs through the built kit in a process of its own: stdout as the deployment sees it. */
function run(script: string): Promise<{ lines: string[] }> {
  const observability = new URL('../dist/observability.js', import.meta.url).href;
  const child = spawn(process.execPath, ['--input-type=module', '-e', `import { createLogger } from '${observability}';\n${script}`], { env: { ...process.env, VITEST: '' } });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  return new Promise((resolve) => child.on('close', () => resolve({ lines: out.split('\n').filter(Boolean) })));
}

describe('buffered log lines', () => {
  it('writes every line by exit, in order', async () => {
    const { lines } = await run(`const log = createLogger('svc', 'info', { bufferBytes: 8192 });
      for (let i = 0; i < 500; i++) log.info({ i }, 'line');`);
    expect(lines).toHaveLength(500);
    expect(lines.map((l) => JSON.parse(l).i)).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(JSON.parse(lines[0]!)).toMatchObject({ service: 'svc', msg: 'line' });
  });

  it("does not hold a quiet service's line until exit", async () => {
    // The process never exits by itself and is then killed outright, which skips pino's exit flush: the line can
    // only arrive through the interval flush.
    const observability = new URL('../dist/observability.js', import.meta.url).href;
    const child = spawn(process.execPath, ['--input-type=module', '-e', `import { createLogger } from '${observability}';
      createLogger('svc', 'info', { bufferBytes: 8192, flushMs: 50 }).info('alone');
      setInterval(() => {}, 1000);`]);
    const line = await new Promise<string>((resolve) => child.stdout.once('data', (chunk) => resolve(String(chunk))));
    child.kill('SIGKILL');
    expect(JSON.parse(line)).toMatchObject({ service: 'svc', msg: 'alone' });
  });
});
