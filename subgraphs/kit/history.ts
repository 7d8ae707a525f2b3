import { sql, type SQL } from 'drizzle-orm';
import {
  Args,
  ArgsType,
  type ClassType,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  ID,
  Int,
  ObjectType,
  Resolver,
  Root,
} from 'type-graphql';
import type { Db } from '../../db/client.js';
import type { Context } from './context.js';
import { ErrorCode, badInput } from './errors.js';
import { MAX_PAGE_SIZE } from './page-size.js';
import { compositeKey, decodeCursor, keyParts, readPage, type Page } from './pagination.js';

/*
 * A citizen's administrative history: one list, newest first, whose items live in every
 * subgraph. A field is resolved by one subgraph, so each subgraph contributes its own items
 * on Citizen under a field of its own (`documentsHistory`, `vehiclesHistory`, …, hidden from
 * the public API with @inaccessible) that takes the history's own cursor, and the citizens
 * subgraph's `Citizen.history` asks each of them on the caller's behalf (a delegation, see
 * schema/delegations.ts) and merges the slices. Every contributor orders by the same total
 * key, (date, key) descending, compared as plain bytes in SQL and in JavaScript alike, so
 * "after this cursor" means the same thing everywhere and pages never lose or repeat items.
 */

/** Which list the history's cursors belong to (see ListIdentity): one per citizen. */
export const historyIdentity = (nin: string) => ({ list: 'Citizen.history', scope: { nin } });

@ObjectType({
  description:
    "One item of a citizen's administrative history, from whichever service holds it (a civil act, a document, a vehicle, a request to the commune...).",
})
@Directive('@shareable')
export class HistoryItem {
  @Field(() => String, {
    description:
      'When it happened (ISO 8601, UTC): the date of the act, of issue, of filing or of acquisition; a day without a time is midnight UTC.',
  })
  at!: string;

  @Field(() => String, {
    description:
      'The service the item comes from: CITIZENS, DOCUMENTS, VEHICLES, HYGIENE, PATRIMONY, DISPUTES or ASSOCIATIONS.',
  })
  domain!: string;

  @Field(() => String, {
    description:
      'What the item is, e.g. CIVIL_ACT, CERTIFICATE_REQUEST, DOCUMENT, APPLICATION, VEHICLE_OWNERSHIP, HYGIENE_REQUEST, LEASE, CASE, ASSOCIATION_FOUNDED, BOARD_SEAT.',
  })
  kind!: string;

  @Field(() => ID, {
    description:
      'The identifier of the underlying item in its service: an act, document, application or request number, a VIN, a lease or case number, an association id.',
  })
  itemId!: string;

  @Field(() => String, { description: 'A short summary in English, e.g. "PASSPORT issued".' })
  title!: string;

  @Field(() => String, {
    nullable: true,
    description: "The item's current status in its service, when it has one.",
  })
  status!: string | null;

  @Field(() => ID, {
    description:
      "Unique across the citizen's whole history (domain/kind/reference): the order's tie-breaker after the date.",
  })
  key!: string;
}

@ArgsType()
export class HistorySliceArgs {
  @Field(() => Int, { description: `How many items at most, 1 to ${MAX_PAGE_SIZE + 1}.` })
  limit!: number;

  @Field(() => String, {
    nullable: true,
    description: "A cursor of the citizen's history: items strictly after it.",
  })
  after?: string | null;
}

/** Where a page of the history starts: the (date, key) of the last item already seen. */
export interface HistoryPosition {
  at: string;
  key: string;
}

export function positionOf(page: Page): HistoryPosition | null {
  const parts = keyParts(page, 2);
  return parts ? { at: parts[0]!, key: parts[1]! } : null;
}

/** The page of `Citizen.history` (first, after), checked as every connection's is. */
export const readHistoryPage = (
  args: { first?: number | null; after?: string | null },
  nin: string,
) => readPage(args, historyIdentity(nin));

/**
 * What a contributor's field receives from the citizens subgraph: a limit (a page and one
 * more) and the history's cursor, checked against the same citizen's list.
 */
export function readHistorySlice(
  args: HistorySliceArgs,
  nin: string,
): { limit: number; position: HistoryPosition | null } {
  if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > MAX_PAGE_SIZE + 1) {
    throw badInput(
      ErrorCode.INVALID_PAGE_SIZE,
      `limit must be between 1 and ${MAX_PAGE_SIZE + 1} (got ${args.limit})`,
      'limit',
    );
  }
  const identity = readPage({ first: 1 }, historyIdentity(nin));
  const page: Page = {
    ...identity,
    after: args.after != null ? decodeCursor(args.after, identity.binding) : null,
  };
  return { limit: args.limit, position: positionOf(page) };
}

export const historyKey = (item: Pick<HistoryItem, 'at' | 'key'>) =>
  compositeKey(item.at, item.key);

/** A day or a timestamp as the history's ISO text, in UTC with milliseconds. */
export function isoAt(column: SQL | unknown, type: 'date' | 'timestamp'): SQL<string> {
  const instant =
    type === 'date' ? sql`(${column})::timestamp` : sql`(${column}) at time zone 'UTC'`;
  return sql<string>`to_char(${instant}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/**
 * One kind of item of a contributor: a select that yields the columns at (isoAt), kind,
 * item_id, ref (unique within the kind), title and status, for one citizen.
 */
export type HistoryBranch = SQL;

interface HistoryRow {
  at: string;
  kind: string;
  item_id: string;
  ref: string;
  title: string;
  status: string | null;
}

/**
 * A contributor's items after a position, newest first, in one statement whatever the
 * number of branches: the branches are unioned, filtered on the history's key, ordered and
 * cut in SQL. `collate "C"` makes PostgreSQL compare the key byte by byte, as JavaScript
 * does when the citizens subgraph merges the slices.
 */
export async function historyRows(
  db: Db,
  domain: string,
  branches: HistoryBranch[],
  position: HistoryPosition | null,
  limit: number,
): Promise<HistoryItem[]> {
  const key = sql`(${domain} || '/' || h.kind || '/' || h.ref) collate "C"`;
  const after = position
    ? sql`where h.at collate "C" < ${position.at} or (h.at collate "C" = ${position.at} and ${key} < ${position.key})`
    : sql``;
  const query = sql`select h.* from (${sql.join(branches, sql` union all `)}) h ${after}
    order by h.at collate "C" desc, ${key} desc limit ${limit}`;
  const result = (await db.execute(query)) as unknown as { rows?: HistoryRow[] } & HistoryRow[];
  return (result.rows ?? [...result]).map((r) => ({
    at: r.at,
    domain,
    kind: r.kind,
    itemId: r.item_id,
    title: r.title,
    status: r.status ?? null,
    key: `${domain}/${r.kind}/${r.ref}`,
  }));
}

/** Newest first, then by key, byte by byte: the order every contributor's SQL uses. */
export function compareHistory(a: HistoryItem, b: HistoryItem): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  if (a.key !== b.key) return a.key < b.key ? 1 : -1;
  return 0;
}

/** The fields a contributor's slice answers with (what the citizens subgraph asks for). */
export const HISTORY_ITEM_SELECTION = 'at domain kind itemId title status key';

/** What a contributor reads: one citizen's items after a position, newest first, at most `limit`. */
export type HistoryQuery = (
  db: Db,
  nin: string,
  position: HistoryPosition | null,
  limit: number,
) => Promise<HistoryItem[]>;

/**
 * The resolver of a contributor's hidden field on Citizen (`documentsHistory`, …): every
 * contributor's is the same but for the field's name, its description and its query, so
 * they are made here rather than copied into each subgraph.
 */
export function historyContributorResolver(options: {
  /** The subgraph's own Citizen type (an entity or a reference). */
  citizen: ClassType;
  field: string;
  /** What the items are, e.g. "Documents issued to the citizen and the applications they made". */
  description: string;
  query: HistoryQuery;
}): ClassType {
  @Resolver(() => options.citizen)
  class CitizenHistoryResolver {
    @Directive('@inaccessible')
    // A page and one more (the merge's look-ahead), at most: HistorySliceArgs.limit.
    @Directive('@listSize(assumedSize: 101)')
    @FieldResolver(() => [HistoryItem], {
      name: options.field,
      description: `${options.description}, newest first, after the history's cursor (group HISTORY; for Citizen.history).`,
    })
    async history(
      @Root() citizen: { nin: string },
      @Args(() => HistorySliceArgs) args: HistorySliceArgs,
      @Ctx() ctx: Context,
    ): Promise<HistoryItem[]> {
      const slice = readHistorySlice(args, citizen.nin);
      return options.query(ctx.db, citizen.nin, slice.position, slice.limit);
    }
  }
  return CitizenHistoryResolver;
}
