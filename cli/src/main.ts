#!/usr/bin/env node
// The `comuna` command: only wiring; everything it does is in cli.ts and commands/.
import { run } from './cli.js';

process.exitCode = await run(process.argv.slice(2));
