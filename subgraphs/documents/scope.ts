import { isNamed, personScope, type ScopeOf } from '../kit/access.js';
import type { ApplicationRecord } from './application.type.js';
import type { Citizen } from './citizen.type.js';
import type { DocumentRecord } from './document.type.js';

/** How this subgraph's records meet the access decision (see RecordScope). */
export const citizenScope: ScopeOf<Citizen> = personScope;

/** A document belongs to its holder and to the commune whose counter issued it. */
export const documentScope: ScopeOf<DocumentRecord> = (doc, ctx) => ({
  nin: doc.holderNin,
  communes: [doc.issuingCommuneCode],
  named: isNamed(ctx, doc.number, doc.holderNin),
});

/** An application belongs to its applicant and to the counter that took it. */
export const applicationScope: ScopeOf<ApplicationRecord> = (app, ctx) => ({
  nin: app.nin,
  communes: [app.counterCommuneCode],
  named: isNamed(ctx, app.number, app.nin),
});
