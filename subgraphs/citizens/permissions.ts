import { allow, or, rule } from 'graphql-shield';
import type { Context } from '../kit/context.js';
import { isAgent, isAuthenticated, isMinistry, type IRules } from '../kit/shield.js';
import { maySeeCitizen } from './access.js';
import type { CitizenRecord } from './citizen.type.js';

/** Reads the parent record, so it must not be cached across parents (aliases, lists). */
const canSeeThisCitizen = rule({ cache: 'strict' })((parent: CitizenRecord, _args, ctx: Context) =>
  maySeeCitizen(ctx.principal, parent),
);

export const permissions: IRules = {
  Query: {
    citizen: isAuthenticated,
    me: isAuthenticated,
    citizens: or(isMinistry, isAgent),
  },
  Mutation: {
    registerBirth: isAgent,
  },
  Citizen: canSeeThisCitizen,
  Commune: {
    code: allow,
    citizensBorn: or(isMinistry, isAgent),
  },
  CitizenConnection: allow,
  CitizenEdge: allow,
  PageInfo: allow,
  RegisterBirthPayload: allow,
};
