import 'reflect-metadata';
import { consultations } from '../../db/tables/education.js';
import type { SubgraphDefinition } from '../kit/subgraph.js';
import { CitizenSchoolingResolver } from './citizen.resolver.js';
import { EnrolmentResolver, TransferPayloadResolver } from './enrolment.resolver.js';
import { EnrolmentFeedResolver } from './feed.resolver.js';
import { createLoaders, type EducationLoaders } from './loaders.js';
import { permissions } from './permissions.js';
import { references } from './references.js';
import { RosterResolver } from './roster.resolver.js';
import { CommuneSchoolsResolver, SchoolResolver } from './school.resolver.js';
import { StatisticsResolver } from './statistics.resolver.js';

/** Schools, school years, pupils' enrolments and results; the e-education integrators' API. */
export const educationSubgraph: SubgraphDefinition<EducationLoaders> = {
  name: 'education',
  defaultPort: 4005,
  schemaParts: () => ({
    resolvers: [
      SchoolResolver,
      CommuneSchoolsResolver,
      EnrolmentResolver,
      TransferPayloadResolver,
      CitizenSchoolingResolver,
      EnrolmentFeedResolver,
      RosterResolver,
      StatisticsResolver,
    ],
    references,
    permissions,
  }),
  createLoaders,
  consultations,
};
