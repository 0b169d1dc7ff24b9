// What each process's young-generation collections promote, from V8's own trace: `--import` this file's preload
// (`gcTraceImport`) into a service, then count while a measure runs. Promoted bytes are objects that outlived two
// young collections; a service whose objects live for one request should promote next to nothing, and what it
// does promote is paid again by the full collections it brings (the README's Performance section tells the story).
import { fileURLToPath } from 'node:url';

/** NODE_OPTIONS for a process whose collections are counted (NODE_OPTIONS refuses the trace flag itself). */
export const gcTraceImport = `--import=${fileURLToPath(new URL('./gc-trace-preload.js', import.meta.url))}`;

/**
 * Counts, per process, what its collections report between `start()` and `stop()`: bytes promoted by young
 * collections, how many young and full collections ran. `processes` maps names to launched processes (`child`).
 */
export function gcCounter(processes) {
  let counting = false;
  const totals = {};
  for (const [name, p] of Object.entries(processes)) {
    let rest = '';
    totals[name] = { promoted: 0, young: 0, full: 0 };
    p.child.stdout.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      if (!counting) return;
      for (const line of lines) {
        const kind = / gc=(\w+)/.exec(line)?.[1];
        if (!kind) continue;
        if (kind === 's') {
          totals[name].young++;
          totals[name].promoted += Number(/ promoted=(\d+)/.exec(line)?.[1] ?? 0);
        } else totals[name].full++;
      }
    });
  }
  return {
    start() {
      for (const t of Object.values(totals)) Object.assign(t, { promoted: 0, young: 0, full: 0 });
      counting = true;
    },
    stop() {
      counting = false;
      return Object.fromEntries(Object.entries(totals).map(([name, t]) => [name, { ...t }]));
    },
  };
}
