/**
 * Entities every caller may read alike (no token needed, nothing personal, not audited)
 * and that change by decree, not by use: the territory. The gateway keeps what their
 * subgraph answered for each of them (gateway/kept-entities.ts) and the subgraph keeps the
 * records it looked up (subgraphs/communes/loaders.ts), each for `ttlMs`; a change shows
 * within twice that, or at once after both restart. A type may be listed here only while
 * every field its subgraph serves on it is public: test/kept-entities.test.ts checks the
 * subgraph's permissions.
 */
export const KEPT_ENTITIES: Readonly<
  Record<string, { readonly types: readonly string[]; readonly ttlMs: number }>
> = {
  communes: { types: ['Wilaya', 'Daira', 'Commune'], ttlMs: 5 * 60_000 },
};
