import { decideCommuneRecord } from '../../schema/access-decision.js';
import { HYGIENE_FIGURES_PURPOSES, HYGIENE_RECORD_PURPOSES } from '../../schema/access-policy.js';
import { communeRecordDenied } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import type { EstablishmentRecord } from './establishment.type.js';

/** The office's records that name no person: its own commune's, or any for Health's watch. */
export function mayReadRecordsOf(ctx: Context, communeCode: string): boolean {
  return decideCommuneRecord(ctx.principal, ctx.purpose, HYGIENE_RECORD_PURPOSES, communeCode)
    .allowed;
}

/** An establishment: for the office and Health, and for its operator. */
export function maySeeEstablishment(ctx: Context, e: EstablishmentRecord): boolean {
  const p = ctx.principal;
  return mayReadRecordsOf(ctx, e.communeCode) || (p.kind === 'citizen' && p.nin === e.operatorNin);
}

/** Throws FORBIDDEN unless the caller may read these records of a commune. */
export function assertRecordsOf(ctx: Context, communeCode: string, figures = false): void {
  const decision = decideCommuneRecord(
    ctx.principal,
    ctx.purpose,
    figures ? HYGIENE_FIGURES_PURPOSES : HYGIENE_RECORD_PURPOSES,
    communeCode,
  );
  if (!decision.allowed) throw communeRecordDenied(decision);
}

/** The agent acting for the office of its commune (records: inspections, samples, campaigns). */
export function officeAgent(ctx: Context): { sub: string; communeCode: string } {
  const p = ctx.principal;
  const decision = decideCommuneRecord(
    p,
    ctx.purpose,
    ['PUBLIC_HYGIENE'],
    p.kind === 'agent' ? p.communeCode : '',
  );
  if (p.kind !== 'agent' || !decision.allowed)
    throw communeRecordDenied(
      decision.allowed
        ? {
            allowed: false,
            reason: 'PURPOSE_NOT_ALLOWED',
            message: 'only the hygiene office of a commune records this',
          }
        : decision,
    );
  return { sub: p.sub, communeCode: p.communeCode };
}
