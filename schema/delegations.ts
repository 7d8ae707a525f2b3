import type { Principal } from './principal.js';

/**
 * Which subgraph may call which other one on the caller's behalf, and only that. The
 * documents counter checks the civil registry at submission; vehicles check owners;
 * education checks pupils at enrolment and reads the cohorts of its statistics.
 * hygiene checks an establishment's operator and the commune a request is filed with; associations check founders and board members.
 * The registry gathers a citizen's history from every service that holds part of it
 * (subgraphs/kit/history.ts); only the citizen themself may read it (group HISTORY).
 * For each fetch to a subgraph listed here (within the limits below), the gateway also
 * signs a token whose audience is the callee, carrying the same caller and purpose (header
 * `x-delegation-<callee>`): the callee applies its policy and audit to the real caller.
 */
export const DELEGATIONS: Readonly<Record<string, readonly string[]>> = {
  citizens: ['documents', 'vehicles', 'hygiene', 'patrimony', 'disputes', 'associations'],
  documents: ['citizens'],
  vehicles: ['citizens'],
  patrimony: ['citizens'],
  disputes: ['citizens', 'patrimony'],
  education: ['citizens'],
  hygiene: ['citizens', 'communes'],
  associations: ['citizens'],
};

/**
 * Delegations only some callers can ever use: the history the registry gathers is the
 * citizen's alone, so its six tokens are signed for citizens' requests only, not for the
 * ministries' and agents' reads that make up most of the registry's traffic.
 */
const ONLY_FOR: Readonly<Record<string, Readonly<Record<string, readonly Principal['kind'][]>>>> = {
  citizens: Object.fromEntries(
    ['documents', 'vehicles', 'hygiene', 'patrimony', 'disputes', 'associations'].map((c) => [
      c,
      ['citizen'],
    ]),
  ),
};

/**
 * Subgraphs that call their peers from mutations only (a submission checks the registry,
 * a registration the owner, a filing its commune): the fetches of a query to them carry
 * no delegation, so a token that lets them act as the caller elsewhere travels only with
 * operations that may use it. The citizens registry (history) and education (statistics)
 * call their peers in queries too. A subgraph that starts calling a peer from a query
 * must leave this list, or its call finds no delegation and fails (FORBIDDEN).
 */
const FROM_MUTATIONS_ONLY = new Set([
  'documents',
  'vehicles',
  'patrimony',
  'disputes',
  'hygiene',
  'associations',
]);

/**
 * The subgraphs a fetch to `subgraph` made for a caller of this kind, within an
 * operation of this type (the caller's: query, mutation or subscription), may call on
 * its behalf.
 */
export function delegationsFor(
  subgraph: string,
  kind: Principal['kind'],
  operation: 'query' | 'mutation' | 'subscription',
): readonly string[] {
  if (operation !== 'mutation' && FROM_MUTATIONS_ONLY.has(subgraph)) return [];
  const only = ONLY_FOR[subgraph];
  const all = DELEGATIONS[subgraph] ?? [];
  return only ? all.filter((callee) => only[callee]?.includes(kind) ?? true) : all;
}

export const delegationHeader = (callee: string) => `x-delegation-${callee}`;
