import { Field, ObjectType, type ClassType, Directive, ArgsType, Int } from 'type-graphql';
import { ErrorCode, badInput } from './errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Where a page sits in the whole list (Relay cursor connections).' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean, { description: 'True when a page follows this one.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `How many items to return, 1 to ${MAX_PAGE_SIZE}.`,
  })
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;
}

export interface Page {
  /** Rows to fetch: one more than the page, to know whether another page follows. */
  limit: number;
  size: number;
  /** The decoded sort key of the last item already seen, or null for the first page. */
  after: string | null;
}

/** Validates `first` and `after`; the cursor is an opaque encoding of the sort key. */
export function readPage(args: { first?: number | null; after?: string | null }): Page {
  const size = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput(
      ErrorCode.INVALID_PAGE_SIZE,
      `first must be between 1 and ${MAX_PAGE_SIZE} (got ${size}); page through longer lists with after`,
      'first',
    );
  }
  return { size, limit: size + 1, after: args.after ? decodeCursor(args.after) : null };
}

export function encodeCursor(key: string): string {
  return Buffer.from(`k:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const text = /^[A-Za-z0-9_-]{1,200}$/.test(cursor)
    ? Buffer.from(cursor, 'base64url').toString('utf8')
    : '';
  if (!text.startsWith('k:')) {
    throw badInput(
      ErrorCode.INVALID_CURSOR,
      'after is not a cursor returned by this list',
      'after',
    );
  }
  return text.slice(2);
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
}

/** Builds a connection from rows fetched with `page.limit` (one extra row). */
export function toConnection<T>(rows: T[], page: Page, keyOf: (row: T) => string): Connection<T> {
  const nodes = rows.slice(0, page.size);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    edges: nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node })),
    pageInfo: {
      hasNextPage: rows.length > page.size,
      endCursor: last ? encodeCursor(keyOf(last)) : null,
    },
  };
}

/** The GraphQL types `<Name>Edge` and `<Name>Connection` for a node type. */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string, what: string) {
  @ObjectType(`${name}Edge`, { description: `One ${what} in a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque position of this item.' })
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${what}s.` })
  class ConnectionClass {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [node], { description: 'The items of the page, without cursors.' })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionClass;
}
