import { parseArgs } from 'node:util';
import { DataError, UsageError, wantsHelp } from '../usage.js';

export const usage = `comuna seed — loading a dataset into the registry and the other subgraphs

Usage: comuna seed sample | national

  sample     The sample dataset (the reference facts: El Maizal, El Panal 2021, José Pío Tamayo… with their
             councils, circuits and two communal cities) seeds itself: every subgraph loads it into an empty
             database when it starts with SEED=sample, which is the default. So \`npm start\` is all it takes;
             to start again from the sample, stop the services and delete data/*.sqlite (or point DATABASE_URL
             at an empty database). This command only explains that, and exits 0.
  national   The national-scale dataset (about 47,000 councils, 3,600 communes, …) needs a deterministic
             generator that does not exist yet: this command says so and exits 1.

  --help     this help`;

export async function seedCommand(args: string[]): Promise<number> {
  if (wantsHelp(args, usage)) return 0;
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [dataset, ...extra] = positionals;
  if (!dataset || extra.length) throw new UsageError('comuna seed needs one dataset: sample or national (see comuna seed --help)');
  if (dataset === 'sample') {
    console.log(
      'The sample dataset seeds itself: each subgraph loads it into an empty database on start (SEED=sample, the default).\n' +
        'Run `npm start`; to begin again from the sample, stop the services and delete data/*.sqlite.',
    );
    return 0;
  }
  if (dataset === 'national') {
    throw new DataError('The national dataset generator does not exist yet; only the sample dataset can be loaded (comuna seed sample).');
  }
  throw new UsageError(`comuna seed knows the datasets sample and national; got "${dataset}"`);
}
