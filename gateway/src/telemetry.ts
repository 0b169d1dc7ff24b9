// Apollo's libraries report usage and probe cloud metadata addresses unless told not to. That leaks who uses
// the system and is traffic no deployment here should make, so it is off unless the operator turns it on.
// Imported first by main.ts, before anything from @apollo is evaluated.
process.env.APOLLO_TELEMETRY_DISABLED ??= '1';
export {};
