import { historyContributorResolver } from '../kit/history.js';
import { Citizen } from './citizen.type.js';
import { historyOf } from './history.queries.js';

/** This subgraph's items of the citizen's history, for the citizens subgraph to merge (kit/history.ts). */
export const CitizenHistoryResolver = historyContributorResolver({
  citizen: Citizen,
  field: 'hygieneHistory',
  description: 'The requests the citizen filed with the hygiene office',
  query: historyOf,
});
