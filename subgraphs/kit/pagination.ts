import { Field, ObjectType, type ClassType, Directive, ArgsType, Int } from 'type-graphql';
import { createHash } from 'node:crypto';
import stableStringify from 'safe-stable-stringify';
import { ErrorCode, badInput } from './errors.js';

import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page-size.js';

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE };

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

/**
 * Which list a page belongs to: the field (`Query.citizens`, `Commune.citizensBorn`) and
 * everything besides `first` and `after` that decides its rows (the parent's key, the
 * filter as the resolver applies it). A cursor is valid only for the list it came from.
 */
export interface ListIdentity {
  list: string;
  scope?: Record<string, unknown>;
}

export interface Page {
  /** Rows to fetch: one more than the page, to know whether another page follows. */
  limit: number;
  size: number;
  /** The decoded sort key of the last item already seen, or null for the first page. */
  after: string | null;
  /** Binds the cursors this page hands out to its list (see ListIdentity). */
  binding: string;
}

/** Validates `first` and `after` against the list the page is read from. */
export function readPage(
  args: { first?: number | null; after?: string | null },
  identity: ListIdentity,
): Page {
  const size = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput(
      ErrorCode.INVALID_PAGE_SIZE,
      `first must be between 1 and ${MAX_PAGE_SIZE} (got ${size}); page through longer lists with after`,
      'first',
    );
  }
  const binding = bindingOf(identity);
  return {
    size,
    limit: size + 1,
    after: args.after != null ? decodeCursor(args.after, binding) : null,
    binding,
  };
}

/*
 * A cursor is base64url(JSON {k, b, m}): k the sort key of the last item seen, b a hash of
 * the list's identity, m a hash of b and k. Binding, not secrecy: the sort key is no
 * secret, and anyone may page through a list they may read, so a keyed MAC would add
 * a shared secret to every replica for nothing. The hashes make a cursor from another
 * list, from the same list under another filter, or edited by hand, a clear error instead
 * of a page of the wrong list.
 */
const CURSOR_VERSION = 'c1';
const MAX_CURSOR_LENGTH = 512;

function hash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 16);
}

/** null and undefined mean "not given": `{name: "Ben", status: null}` is `{name: "Ben"}`. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v != null) out[k] = normalise(v);
    return out;
  }
  return value;
}

function bindingOf(identity: ListIdentity): string {
  return hash(CURSOR_VERSION, identity.list, stableStringify(normalise(identity.scope ?? {}))!);
}

export function encodeCursor(key: string, binding: string): string {
  return Buffer.from(
    JSON.stringify({ k: key, b: binding, m: hash(binding, key) }),
    'utf8',
  ).toString('base64url');
}

const invalidCursor = (why: string) =>
  badInput(ErrorCode.INVALID_CURSOR, `after ${why}: start again without after`, 'after');

export function decodeCursor(cursor: string, binding: string): string {
  let parsed: unknown = null;
  if (cursor.length <= MAX_CURSOR_LENGTH && /^[A-Za-z0-9_-]+$/.test(cursor)) {
    try {
      parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      parsed = null;
    }
  }
  const c = parsed as { k?: unknown; b?: unknown; m?: unknown } | null;
  if (!c || typeof c.k !== 'string' || typeof c.b !== 'string' || typeof c.m !== 'string') {
    throw invalidCursor('is not a cursor returned by this graph (pass a pageInfo.endCursor)');
  }
  if (c.m !== hash(c.b, c.k)) throw invalidCursor('was altered');
  if (c.b !== binding) {
    throw invalidCursor(
      'is a cursor from another list, or from this list with other arguments; a cursor is valid only for the list and filter that returned it',
    );
  }
  return c.k;
}

/**
 * The parts of a composite sort key (`[issueDate, number]`), written as JSON by
 * `compositeKey`. A cursor's key is hash-checked, but the scheme is public: a key of the
 * wrong shape is refused, never handed to SQL.
 */
export function keyParts(page: Page, count: number): string[] | null {
  if (page.after === null) return null;
  let parts: unknown;
  try {
    parts = JSON.parse(page.after);
  } catch {
    parts = null;
  }
  if (
    !Array.isArray(parts) ||
    parts.length !== count ||
    !parts.every((p) => typeof p === 'string' && p.length <= 100)
  ) {
    throw invalidCursor('is not a cursor returned by this graph (pass a pageInfo.endCursor)');
  }
  return parts as string[];
}

export const compositeKey = (...parts: string[]): string => JSON.stringify(parts);

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
    edges: nodes.map((node) => ({ cursor: encodeCursor(keyOf(node), page.binding), node })),
    pageInfo: {
      hasNextPage: rows.length > page.size,
      endCursor: last ? encodeCursor(keyOf(last), page.binding) : null,
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
