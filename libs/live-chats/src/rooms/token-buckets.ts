/**
 * Token buckets in this process, one per key: `capacity` requests at once,
 * refilled at `perSecond`. In memory on purpose: a flood is refused without a
 * round trip to Redis or the database. Each api process counts its own
 * sockets; a person connected to two processes gets twice the allowance.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
  ) {
    // Full buckets are the default: forget them.
    this.sweeper = setInterval(() => {
      const now = performance.now();
      for (const [key, b] of this.buckets) if (b.tokens + ((now - b.at) / 1000) * this.perSecond >= this.capacity) this.buckets.delete(key);
    }, 60_000);
    this.sweeper.unref();
  }

  /** Takes one token: 0 when allowed, else the seconds until one is available. */
  take(key: string): number {
    const now = performance.now();
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    b.tokens = Math.min(this.capacity, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return (1 - b.tokens) / this.perSecond;
  }

  stop(): void {
    clearInterval(this.sweeper);
  }
}
