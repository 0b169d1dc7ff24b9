import { exportCommand, usage as exportUsage } from './commands/export.js';
import { importCommand, usage as importUsage } from './commands/import.js';
import { seedCommand, usage as seedUsage } from './commands/seed.js';
import { tokenCommand, usage as tokenUsage } from './commands/token.js';
import { DataError, UsageError } from './usage.js';

export const usage = `comuna — tools for the Comuna Graph registry

Usage: comuna <command> [options]     (comuna <command> --help for each)

Commands:
  export    write the open data (CSV per entity, GeoJSON of communes) read through the gateway
  import    import councils, communes and communal cities from CSV or JSON, atomically or row by row
  token     mint a development token for the local gateway
  seed      load a dataset (explains how the sample seeds itself; the national generator does not exist yet)

Environment: COMUNA_GATEWAY (gateway GraphQL URL), COMUNA_TOKEN (token for import).`;

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  export: exportCommand,
  import: importCommand,
  token: tokenCommand,
  seed: seedCommand,
};

export const USAGES = { export: exportUsage, import: importUsage, token: tokenUsage, seed: seedUsage };

/** Runs one command line; answers the exit status (0 done, 1 bad data or refused rows, 2 usage mistake). */
export async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(usage);
    return command ? 0 : 2;
  }
  const handler = COMMANDS[command];
  try {
    if (!handler) throw new UsageError(`Unknown command "${command}"; the commands are ${Object.keys(COMMANDS).join(', ')} (comuna --help)`);
    return await handler(args);
  } catch (error) {
    // parseArgs reports unknown or malformed options with a code; they are usage mistakes like ours.
    const code = (error as { code?: string }).code;
    if (error instanceof UsageError || code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`comuna: ${(error as Error).message}`);
      return 2;
    }
    if (error instanceof DataError) {
      console.error(`comuna: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
