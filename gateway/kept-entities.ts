import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { LRUCache } from 'lru-cache';

type FetchRequest = GraphQLDataSourceProcessOptions['request'];
type FetchResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** Whether an entity fetch was answered from what the gateway keeps, or went to its subgraph. */
export type KeptOutcome = 'hit' | 'miss';

/**
 * What one subgraph answered for entities every caller may read alike (schema/kept-entities.ts:
 * the territory), kept per representation and selection: an entity fetch whose every
 * representation is kept is answered here, with no request to the subgraph (no token to
 * sign, no socket, no subgraph work). In a citizen's profile, the birth commune and its
 * wilaya are such a fetch.
 *
 * Kept as JSON text and parsed for each answer: Apollo Gateway merges the entities it
 * receives into its result by reference, and later fetches of the same request may add
 * the caller's own data to them, which must never reach the next caller.
 */
export class KeptEntities {
  private readonly kept: LRUCache<string, string>;
  private readonly types: ReadonlySet<string>;

  constructor(
    types: readonly string[],
    ttlMs: number,
    private readonly observe?: (outcome: KeptOutcome) => void,
    max = 20_000,
  ) {
    this.types = new Set(types);
    this.kept = new LRUCache({ max, ttl: ttlMs });
  }

  /** The answer to a fetch, by its keys (keysOf), if every entity it asks is kept; null otherwise. */
  answer(keys: readonly string[]): FetchResponse | null {
    const entities: unknown[] = [];
    for (const key of keys) {
      const text = this.kept.get(key);
      if (text === undefined) {
        this.observe?.('miss');
        return null;
      }
      entities.push(JSON.parse(text));
    }
    this.observe?.('hit');
    return { data: { _entities: entities } };
  }

  /** Keeps each entity of a clean answer: no error, no extension, one entity per representation. */
  keep(keys: readonly string[], response: FetchResponse): void {
    const entities = response.data?._entities;
    if (response.errors?.length || response.extensions) return;
    if (!Array.isArray(entities) || entities.length !== keys.length) return;
    entities.forEach((entity, i) => {
      // A representation that found nothing is asked again next time: it may exist by then.
      if (entity && typeof entity === 'object') this.kept.set(keys[i]!, JSON.stringify(entity));
    });
  }

  /**
   * One key per representation when this is an entity fetch of kept types and nothing
   * else: no variable but the representations (an argument or a directive's condition
   * would change the answer), the selection as Apollo Gateway wrote it (operation name
   * left out: it names the caller's operation, not what is asked).
   */
  keysOf(request: FetchRequest): string[] | null {
    const { query, variables } = request;
    if (!query || !variables) return null;
    const representations = variables.representations;
    if (!Array.isArray(representations) || Object.keys(variables).length !== 1) return null;
    const selection = query.indexOf('{_entities(representations:$representations)');
    if (selection < 0) return null;
    const asked = query.slice(selection);
    const keys: string[] = [];
    for (const representation of representations) {
      const typename = (representation as { __typename?: unknown } | null)?.__typename;
      if (typeof typename !== 'string' || !this.types.has(typename)) return null;
      keys.push(`${asked}\n${JSON.stringify(representation)}`);
    }
    return keys;
  }
}
