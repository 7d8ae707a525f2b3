import { allow } from 'graphql-shield';
import type { IRules } from '../kit/shield.js';

/** The territory is public reference data: readable by anyone, token or not. */
export const permissions: IRules = {
  Query: { wilayas: allow, wilaya: allow, commune: allow, communes: allow, searchCommunes: allow },
  Wilaya: allow,
  Daira: allow,
  Commune: allow,
  CommuneConnection: allow,
  CommuneEdge: allow,
  PageInfo: allow,
};
