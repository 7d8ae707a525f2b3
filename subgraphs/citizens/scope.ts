import { isNamed, personScope, type ScopeOf } from '../kit/access.js';
import type { CertificateRequestRecord } from './certificate.type.js';
import type { CitizenRecord } from './citizen.type.js';

/** A registry record is the person's own: their NIN says where they were born. */
export const citizenScope: ScopeOf<CitizenRecord> = personScope;

/** A certificate request belongs to its citizen and to the commune whose office decides it. */
export const certificateRequestScope: ScopeOf<CertificateRequestRecord> = (r, ctx) => ({
  nin: r.nin,
  communes: [r.communeCode],
  named: isNamed(ctx, r.number, r.nin),
});
