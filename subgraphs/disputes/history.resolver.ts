import { historyContributorResolver } from '../kit/history.js';
import { Citizen } from './citizen.reference.js';
import { historyOf } from './history.queries.js';

/** This subgraph's items of the citizen's history, for the citizens subgraph to merge (kit/history.ts). */
export const CitizenHistoryResolver = historyContributorResolver({
  citizen: Citizen,
  field: 'casesHistory',
  description: 'The cases in which a commune and the citizen are opposed',
  query: historyOf,
});
