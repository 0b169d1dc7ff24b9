/** Bounds of one cache: all of them hold at once; the least recently used entries go first. */
export interface LruBounds<V> {
  maxEntries: number;
  /** Sum of `sizeOf` over the entries (approximate bytes). */
  maxBytes: number;
  /** Entries older than this are never returned; 0 or absent: no expiry. */
  ttlMs?: number;
  sizeOf?: (value: V, key: string) => number;
  /** The clock, replaceable in tests. */
  now?: () => number;
}

interface Entry<V> {
  value: V;
  bytes: number;
  storedAt: number;
}

/**
 * A least-recently-used map bounded by entries and bytes, with an optional time to live. A Map keeps insertion
 * order, so re-inserting on every hit keeps the oldest use first and eviction is a walk from the front.
 */
export class Lru<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private totalBytes = 0;
  private readonly sizeOf: (value: V, key: string) => number;
  private readonly now: () => number;

  constructor(private readonly bounds: LruBounds<V>) {
    this.sizeOf = bounds.sizeOf ?? ((_value, key) => key.length);
    this.now = bounds.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.bounds.ttlMs && this.now() - entry.storedAt >= this.bounds.ttlMs) {
      this.remove(key, entry);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores the value unless it alone is over the byte bound (it would evict everything and still not fit). */
  set(key: string, value: V): boolean {
    const bytes = this.sizeOf(value, key);
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous);
    if (bytes > this.bounds.maxBytes || this.bounds.maxEntries < 1) return false;
    this.entries.set(key, { value, bytes, storedAt: this.now() });
    this.totalBytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.bounds.maxEntries && this.totalBytes <= this.bounds.maxBytes) break;
      this.remove(oldest, entry);
    }
    return true;
  }

  delete(key: string): boolean {
    const entry = this.entries.get(key);
    if (entry) this.remove(key, entry);
    return Boolean(entry);
  }

  clear(): void {
    this.entries.clear();
    this.totalBytes = 0;
  }

  private remove(key: string, entry: Entry<V>): void {
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
  }
}
