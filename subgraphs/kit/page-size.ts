/**
 * Page sizes of every connection. Kept apart from pagination.ts (type-graphql) so the
 * gateway's cost limit can read them without loading the schema builder.
 */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
