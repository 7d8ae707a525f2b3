import { ApolloArmor } from '@escape.tech/graphql-armor';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError } from 'graphql';

/**
 * Query-shape limits, checked while parsing and validating at the gateway: an oversized
 * operation is refused before it is planned, so no subgraph is called. Tighter than
 * graphql-armor's defaults; the graph's deepest legitimate query (a citizen, their
 * parents' birth communes and wilayas) is depth 6.
 */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 1500,
  maxCost: 5000,
} as const;

export function queryLimits(production: boolean) {
  return new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true, exposeLimits: true },
    maxAliases: { n: QUERY_LIMITS.maxAliases, exposeLimits: true },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, exposeLimits: true },
    // Counted in assertTokenLimit instead: armor's Apollo plugin throws from parsingDidStart,
    // which Apollo Server 5 answers with a 500.
    maxTokens: { enabled: false },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: true, exposeLimits: true },
    // Suggestions help in Sandbox; in production they would map the schema for an attacker.
    blockFieldSuggestion: { enabled: production },
  }).protect();
}

/**
 * Counts the tokens of the query text, stopping at the first one over the limit, before
 * Apollo parses it: a huge document costs no more than the limit to refuse. Throws a 400.
 */
export function assertTokenLimit(body: unknown): void {
  const query = body && typeof body === 'object' ? (body as { query?: unknown }).query : undefined;
  if (typeof query !== 'string') return;
  try {
    new MaxTokensParserWLexer(query, {
      n: QUERY_LIMITS.maxTokens,
      exposeLimits: true,
    }).parseDocument();
  } catch (error) {
    const message = (error as Error).message;
    if (!/Token limit/.test(message)) return; // other syntax errors are Apollo's to report
    throw new GraphQLError(message, {
      extensions: { code: 'GRAPHQL_PARSE_FAILED', http: { status: 400 } },
    });
  }
}
