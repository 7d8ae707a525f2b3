import { CITIZEN_FIELD_GROUPS } from './citizens/citizen.groups.js';
import type { FieldGroupIndex } from '../schema/policy-docs.js';

/** Every subgraph's field → group map, as "Type.field", for the policy docs. */
export function fieldGroupIndex(): FieldGroupIndex {
  const index: FieldGroupIndex = {};
  for (const [field, group] of Object.entries(CITIZEN_FIELD_GROUPS))
    index[`Citizen.${field}`] = group;
  return index;
}
