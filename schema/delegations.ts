import type { Principal } from './principal.js';

/**
 * Which subgraph may call which other one on the caller's behalf, and only that. The
 * documents counter checks the civil registry at submission; vehicles check owners;
 * education checks pupils at enrolment and reads the cohorts of its statistics.
 * hygiene checks an establishment's operator and the commune a request is filed with; associations check founders and board members.
 * The registry gathers a citizen's history from every service that holds part of it
 * (subgraphs/kit/history.ts); only the citizen themself may read it (group HISTORY).
 * For each fetch to a subgraph listed here, the gateway also signs a token whose
 * audience is the callee, carrying the same caller and purpose (header
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

/** The subgraphs a fetch to `subgraph` made for a caller of this kind may call on its behalf. */
export function delegationsFor(subgraph: string, kind: Principal['kind']): readonly string[] {
  const only = ONLY_FOR[subgraph];
  const all = DELEGATIONS[subgraph] ?? [];
  return only ? all.filter((callee) => only[callee]?.includes(kind) ?? true) : all;
}

export const delegationHeader = (callee: string) => `x-delegation-${callee}`;
