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
