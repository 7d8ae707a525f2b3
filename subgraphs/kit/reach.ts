/**
 * The keys (NINs, VINs, plates, numbers) the caller may reach from anywhere in this
 * request, for principals bound to a commune: those the caller named as arguments (the
 * gateway reads them from the operation), and those a subgraph granted because it reached
 * them through a record within the caller's reach (the applicant of an application taken
 * at the agent's counter). Grants travel back to the gateway in the response's
 * extensions and on to the next subgraph fetch, which the query plan orders after this one.
 */
export class Reach {
  private readonly keys: Set<string>;
  private readonly grants = new Set<string>();

  /**
   * @param delegated true when this request is another subgraph's, acting for the caller
   * (see schema/delegations.ts): that subgraph checked the caller's scope before asking.
   */
  constructor(
    named: Iterable<string> = [],
    readonly delegated = false,
  ) {
    this.keys = new Set(named);
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  grant(key: string): void {
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.grants.add(key);
  }

  granted(): string[] {
    return [...this.grants];
  }
}

/** The response extension that carries grants from a subgraph to the gateway. */
export const REACH_GRANTS_EXTENSION = 'reachGrants';
