/** A mistake in how the command was called: printed as one clear line, exit code 2. */
export class UsageError extends Error {}

/** Wrong data (bad rows, refused import): reported, exit code 1. */
export class DataError extends Error {}

/** Prints the command's help when asked, so every command answers --help the same way. */
export function wantsHelp(args: readonly string[], usage: string): boolean {
  if (!args.includes('--help') && !args.includes('-h')) return false;
  console.log(usage);
  return true;
}
