/**
 * Token buckets in this process, one per key: `capacity` requests at once,
 * refilled at `perSecond`. Not a window: with 5 and 1 a second, someone
 * sending every 0.25 s gets 9 through in the first 4.1 seconds (10 by the
 * 5th), then one a second. In memory on purpose: a flood is refused without a
 * round trip to Redis or the database. Each api process counts its own
 * sockets; a person connected to two processes gets twice the allowance.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    /** Milliseconds, monotonic; tests pass their own clock. */
    private readonly now: () => number = () => performance.now(),
  ) {
    // Full buckets are the default: forget them.
    this.sweeper = setInterval(() => {
      const now = this.now();
      for (const [key, b] of this.buckets) if (b.tokens + ((now - b.at) / 1000) * this.perSecond >= this.capacity) this.buckets.delete(key);
    }, 60_000);
    this.sweeper.unref();
  }

  /** Takes one token: 0 when allowed, else the seconds until one is available. */
  take(key: string): number {
    const now = this.now();
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
