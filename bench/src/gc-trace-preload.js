// Preloaded into a measured service (gc-trace.js): V8 prints one line per collection, with what it promoted.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--trace-gc-nvp');
