import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import {
  GraphQLError,
  Kind,
  getNullableType,
  isListType,
  parse,
  validate,
  visit,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { getVariableValues } from 'graphql/execution/values.js';
import { LRUCache } from 'lru-cache';
import { ErrorCode } from '../subgraphs/kit/errors.js';
import { MAX_PAGE_SIZE } from '../subgraphs/kit/page-size.js';

/**
 * Query-shape limits, checked at the gateway before the query is planned, so an oversized
 * operation calls no subgraph. Tighter than graphql-armor's defaults; the graph's deepest
 * legitimate query (a citizen, their parents' birth communes and wilayas) is depth 6.
 */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 1500,
  // One point per field, times the lists around it: a full page of 100 citizens with their
  // communes, parents and children costs about 4,000, a ministry dashboard about 5,200.
  maxCost: 10_000,
} as const;

/** What each refusal says: the limit, its code, and what the caller can change. */
const LIMITS = {
  depth: {
    code: ErrorCode.QUERY_TOO_DEEP,
    max: QUERY_LIMITS.maxDepth,
    text: (found: string) =>
      `query depth ${found} exceeds the limit of ${QUERY_LIMITS.maxDepth} nested selections: ask for fewer levels`,
  },
  aliases: {
    code: ErrorCode.TOO_MANY_ALIASES,
    max: QUERY_LIMITS.maxAliases,
    text: (found: string) =>
      `query uses ${found} aliases, over the limit of ${QUERY_LIMITS.maxAliases} aliases: split it into several requests`,
  },
  directives: {
    code: ErrorCode.TOO_MANY_DIRECTIVES,
    max: QUERY_LIMITS.maxDirectives,
    text: (found: string) =>
      `query uses ${found} directives, over the limit of ${QUERY_LIMITS.maxDirectives} directives`,
  },
} as const;

function refusal(
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details, http: { status: 400 } } });
}

/** Suggestions help in Sandbox; in production they would map the schema for an attacker. */
export function queryLimits(production: boolean) {
  return new ApolloArmor({
    // Depth, aliases, directives and cost are checked by queryShapePlugin instead, where
    // the variables are known and the refusal can carry its own code and message (armor's
    // rules report every refusal as "Syntax Error: …", which it is not).
    maxDepth: { enabled: false },
    maxAliases: { enabled: false },
    maxDirectives: { enabled: false },
    // Counted in assertTokenLimit instead: armor's Apollo plugin throws from parsingDidStart,
    // which Apollo Server 5 answers with a 500.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  }).protect();
}

/**
 * Runs graphql-armor's depth, alias and directive counters on a document that passed the
 * standard validation, and returns the first limit it exceeds (null when none).
 */
function shapeRefusal(schema: GraphQLSchema, document: DocumentNode): GraphQLError | null {
  const refused: GraphQLError[] = [];
  const rule = (name: keyof typeof LIMITS) => ({
    n: LIMITS[name].max,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (_ctx: unknown, error: GraphQLError) => {
        // Armor names the count only in its message ("…, found 12.").
        const found = /found (\d+)/.exec(error.message)?.[1] ?? `more than ${LIMITS[name].max}`;
        refused.push(
          refusal(LIMITS[name].code, LIMITS[name].text(found), {
            limit: LIMITS[name].max,
            found: Number(found) || undefined,
          }),
        );
      },
    ],
  });
  const rules = [
    maxDepthRule({ ...rule('depth'), ignoreIntrospection: true }),
    maxAliasesRule(rule('aliases')),
    maxDirectivesRule(rule('directives')),
  ] as unknown as ValidationRule[];
  validate(schema, document, rules);
  return refused[0] ?? null;
}

/**
 * The list sizes the cost counts. A connection (a field with `first`) returns at most
 * `first` items: the value of a variable counts like a literal, and an omitted `first`
 * counts as its default, since that is what the subgraph returns. A plain list carries
 * `@listSize(assumedSize: n)` in its subgraph, where the reason it is bounded is written;
 * a plain list without one counts as a full page, so a new list cannot slip under the
 * limit uncounted (test/schema.test.ts checks every one has a size).
 */
export function assumedListSizes(supergraphSdl: string): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const def of parse(supergraphSdl).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION)
      continue;
    for (const field of def.fields ?? []) {
      const listSize = field.directives?.find((d) => d.name.value === 'listSize');
      const assumed = listSize?.arguments?.find((a) => a.name.value === 'assumedSize')?.value;
      if (assumed?.kind === Kind.INT)
        sizes.set(`${def.name.value}.${field.name.value}`, Number(assumed.value));
    }
  }
  return sizes;
}

function costEstimator(assumed: Map<string, number>): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    // Introspection (Sandbox, development only) is not data.
    if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
    let size = 1;
    if (field.args.some((a) => a.name === 'first')) {
      // Above the maximum the subgraph refuses with INVALID_PAGE_SIZE, which says more.
      size = Math.min(Math.max(Number(args.first) || 1, 1), MAX_PAGE_SIZE);
    } else if (isListType(getNullableType(field.type))) {
      const sliced = type.name.endsWith('Connection') && ['edges', 'nodes'].includes(field.name);
      size = sliced ? 1 : (assumed.get(`${type.name}.${field.name}`) ?? MAX_PAGE_SIZE);
    }
    return 1 + childComplexity * size;
  };
}

/**
 * The variables an operation's cost depends on: those given as a list's `first` (the only
 * argument the estimator reads) and those of directives (`@include(if: $x)` and `@skip`
 * decide whether a field counts at all). Any other variable, a NIN say, cannot move it.
 */
export function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if (node.name.value === 'first' && node.value.kind === Kind.VARIABLE)
        names.add(node.value.name.value);
    },
    Directive(node) {
      for (const arg of node.arguments ?? [])
        if (arg.value.kind === Kind.VARIABLE) names.add(arg.value.name.value);
    },
  });
  return [...names].sort();
}

/** What the checks found for one document, kept for as long as Apollo keeps the document. */
interface DocumentVerdict {
  shape: GraphQLError | null;
  costVariables: string[];
  /** The cost by operation name and the values of `costVariables`. */
  costs: Map<string, number>;
}

/** Costs kept per document: a front-end's page sizes are few, an attacker's are not kept long. */
const MAX_COSTS_PER_DOCUMENT = 64;

/**
 * Depth, aliases, directives and cost, checked once the operation is resolved: the
 * document is valid and the variables are known, so `first: $n` costs what `first: 100`
 * costs. The cost is graphql-query-complexity's (one point per field, times the list
 * sizes above); a refusal is HTTP 400 with its own code, before any subgraph is called.
 *
 * Apollo keeps one parsed document per query text (its document store), so what depends
 * on the document only is computed once per document and schema: the shape, and the
 * cost for each set of values of the variables it depends on. A client repeating its
 * operations with other NINs pays for neither (at c = 1 they were ~8 % of the gateway's
 * CPU per request).
 */
export function queryShapePlugin<T extends object>(supergraphSdl: string): ApolloServerPlugin<T> {
  const estimator = costEstimator(assumedListSizes(supergraphSdl));
  const verdicts = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, DocumentVerdict>>();
  const verdictOf = (schema: GraphQLSchema, document: DocumentNode): DocumentVerdict => {
    let bySchema = verdicts.get(schema);
    if (!bySchema) verdicts.set(schema, (bySchema = new WeakMap()));
    let verdict = bySchema.get(document);
    if (!verdict) {
      verdict = {
        shape: shapeRefusal(schema, document),
        costVariables: costVariables(document),
        costs: new Map(),
      };
      bySchema.set(document, verdict);
    }
    return verdict;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName, operation }) {
          const verdict = verdictOf(schema, document);
          if (verdict.shape) throw verdict.shape;
          const variables = request.variables ?? {};
          // Variables that do not coerce are the caller's mistake, refused before the cost
          // (which would throw them as a server error) and before any execution.
          const coerced = getVariableValues(
            schema,
            operation?.variableDefinitions ?? [],
            variables,
          );
          if (coerced.errors) {
            const [first] = coerced.errors;
            throw new GraphQLError(first!.message, {
              nodes: first!.nodes,
              extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
            });
          }
          // An absent variable takes its default; null is a value: the key tells them apart.
          const key = JSON.stringify([
            operationName ?? null,
            verdict.costVariables.map((v) => (v in variables ? [variables[v]] : [])),
          ]);
          let cost = verdict.costs.get(key);
          if (cost === undefined) {
            cost = getComplexity({
              schema,
              query: document,
              variables,
              ...(operationName ? { operationName } : {}),
              estimators: [estimator],
            });
            if (verdict.costs.size >= MAX_COSTS_PER_DOCUMENT) verdict.costs.clear();
            verdict.costs.set(key, cost);
          }
          if (cost > QUERY_LIMITS.maxCost) {
            throw refusal(
              ErrorCode.QUERY_TOO_COSTLY,
              `query cost ${cost} exceeds the limit of ${QUERY_LIMITS.maxCost} (each field counts once per item of the lists around it): ask for fewer items (lower first) or fewer fields`,
              { limit: QUERY_LIMITS.maxCost, found: cost },
            );
          }
        },
      };
    },
  };
}

/**
 * Query texts already counted and found within the limit. Callers send the same few
 * operations over and over; counting again means lexing and parsing the whole text on
 * every request (about 4 % of the gateway's CPU per W1, bench:profile). Bounded by the
 * texts' total length; a text over the limit is never kept, so refusing stays as cheap.
 */
const withinTokenLimit = new LRUCache<string, true>({
  maxSize: 4_000_000,
  sizeCalculation: (_, query) => query.length || 1,
});

/**
 * Counts the tokens of the query text, stopping at the first one over the limit, before
 * Apollo parses it: a huge document costs no more than the limit to refuse. Throws a 400.
 */
export function assertTokenLimit(body: unknown): void {
  const query = body && typeof body === 'object' ? (body as { query?: unknown }).query : undefined;
  if (typeof query !== 'string' || withinTokenLimit.has(query)) return;
  try {
    new MaxTokensParserWLexer(query, {
      n: QUERY_LIMITS.maxTokens,
      exposeLimits: true,
    }).parseDocument();
    withinTokenLimit.set(query, true);
  } catch (error) {
    const message = (error as Error).message;
    if (!/Token limit/.test(message)) return; // other syntax errors are Apollo's to report
    throw refusal(
      ErrorCode.TOO_MANY_TOKENS,
      `query has more than the limit of ${QUERY_LIMITS.maxTokens} tokens (names, punctuation, values): split it into several requests`,
      { limit: QUERY_LIMITS.maxTokens },
    );
  }
}
