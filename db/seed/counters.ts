/** Serial counters of a seed run, kept so the database's counters can continue after them. */
export class Counters {
  /** One boxed count per key: a serial costs one lookup, not a lookup and a store. */
  private readonly last = new Map<string, { value: number }>();

  next(key: string): number {
    const box = this.last.get(key);
    if (box) return ++box.value;
    this.last.set(key, { value: 1 });
    return 1;
  }

  get used(): ReadonlyMap<string, number> {
    return new Map([...this.last].map(([key, box]) => [key, box.value]));
  }
}

/**
 * Counters keyed by a number that stands for a text key (`keyOf` gives it back, for the
 * counter tables): the generators that number an act or a NIN for every citizen build no
 * key string and hash none, a lookup of a small integer instead.
 */
export class NumberedCounters {
  private readonly last = new Map<number, number>();

  constructor(private readonly keyOf: (key: number) => string) {}

  next(key: number): number {
    const value = (this.last.get(key) ?? 0) + 1;
    this.last.set(key, value);
    return value;
  }

  get used(): ReadonlyMap<string, number> {
    return new Map([...this.last].map(([key, value]) => [this.keyOf(key), value]));
  }
}
