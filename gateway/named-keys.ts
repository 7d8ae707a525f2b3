import type { ApolloServerPlugin } from '@apollo/server';
import {
  Kind,
  valueFromASTUntyped,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { GatewayContext } from './context.js';

/** At most this many values travel in an internal token; a key longer than this is no key. */
export const MAX_NAMED_VALUES = 100;
const MAX_KEY_LENGTH = 64;

/**
 * The string values the caller gave as arguments of the operation's root fields (deep,
 * through input objects and lists, with variables applied): the NINs, VINs, plates and
 * numbers the caller typed. Subgraphs treat a record whose key is among them as looked up
 * rather than reached through a list, which matters for principals bound to a commune.
 */
export function namedKeys(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): string[] {
  const found = new Set<string>();
  const collect = (value: unknown): void => {
    if (found.size >= MAX_NAMED_VALUES) return;
    if (typeof value === 'string') {
      // Keys are compared as the subgraphs store them: trimmed, and upper case for numbers.
      const key = value.trim();
      if (key.length > 0 && key.length <= MAX_KEY_LENGTH) found.add(key).add(key.toUpperCase());
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  const walk = (set: SelectionSetNode, seen: Set<string>): void => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        for (const arg of sel.arguments ?? []) collect(valueFromASTUntyped(arg.value, variables));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet, seen);
      else if (!seen.has(sel.name.value) && fragments[sel.name.value]) {
        seen.add(sel.name.value);
        walk(fragments[sel.name.value]!.selectionSet, seen);
      }
    }
  };
  walk(operation.selectionSet, new Set());
  return [...found];
}

/** Reads the named keys once the operation is known, before any subgraph is called. */
export function namedKeysPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, contextValue }) {
          if (!operation) return;
          const fragments = Object.fromEntries(
            document.definitions
              .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
              .map((d) => [d.name.value, d]),
          );
          // An integrator reaches its schools' records, not whatever NIN it types: for it,
          // only what a subgraph grants (a pupil of its schools) counts as named.
          contextValue.named =
            contextValue.principal.kind === 'integrator'
              ? []
              : namedKeys(operation, fragments, request.variables ?? {});
        },
      };
    },
  };
}
