/** Serial counters of a seed run, kept so the database's counters can continue after them. */
export class Counters {
  private readonly last = new Map<string, number>();

  next(key: string): number {
    const value = (this.last.get(key) ?? 0) + 1;
    this.last.set(key, value);
    return value;
  }

  get used(): ReadonlyMap<string, number> {
    return this.last;
  }
}
