import type { IncomingMessage } from 'node:http';

/**
 * A token bucket per client (its address): `perMinute` requests a minute on average, bursts up to the same.
 * Buckets idle for a minute are dropped, so memory stays bounded by the number of recent clients.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly perMinute: number) {}

  admit(req: IncomingMessage, now = Date.now()): boolean {
    const client = req.socket.remoteAddress ?? 'unknown';
    const bucket = this.buckets.get(client) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + ((now - bucket.at) * this.perMinute) / 60_000);
    bucket.at = now;
    this.buckets.set(client, bucket);
    if (this.buckets.size > 10_000) this.sweep(now);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  private sweep(now: number): void {
    for (const [client, bucket] of this.buckets) if (now - bucket.at > 60_000) this.buckets.delete(client);
  }
}
