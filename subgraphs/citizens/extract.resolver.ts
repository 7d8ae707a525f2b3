import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { decideForGroup } from '../../schema/access-decision.js';
import { accessDenied } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { ErrorCode, appError, badInput, forbidden } from '../kit/errors.js';
import { assertNin } from '../kit/identifiers.js';
import {
  admitPublicLookup,
  recordPublicLookup,
  type PublicLookupRules,
} from '../kit/public-lookup.js';
import { publicLookups, rateLimits } from '../../db/tables/citizens.js';
import {
  birthExtractOf,
  EXTRACT_ISSUANCE_PURPOSE,
  EXTRACT_VERIFICATION_PURPOSE,
} from './extract.issue.js';
import { DISCLOSABLE, extractJwks, statusListJwt, verifyPresentation } from './extract.js';
import { extractByCode } from './extract.queries.js';
import { BirthExtract, ExtractVerdict, ExtractVerification } from './extract.type.js';
import { ALL_DISCLOSABLE } from './certificate.issue.js';
import type { CitizensLoaders } from './loaders.js';

type Ctx = Context<CitizensLoaders>;

/** Verification guards no secret; its limits only slow a walk and keep the log readable. */
export const VERIFY_EXTRACT_LIMITS: PublicLookupRules = {
  perAddress: { limit: 60, windowSeconds: 600 },
  perSubject: { limit: 60, windowSeconds: 3600 },
};
const lookupStore = { limits: rateLimits, log: publicLookups };

/** The code an extract names, read without trusting it (it only keys the rate limit and log). */
function codeOf(presentation: string): string {
  try {
    const payload = JSON.parse(
      Buffer.from(presentation.split('~')[0]!.split('.')[1] ?? '', 'base64url').toString(),
    ) as { extract_code?: unknown };
    return typeof payload.extract_code === 'string'
      ? payload.extract_code.slice(0, 20)
      : 'UNREADABLE';
  } catch {
    return 'UNREADABLE';
  }
}

@Resolver()
export class ExtractResolver {
  @Mutation(() => BirthExtract, {
    description:
      'Issues a signed digital birth extract (SD-JWT VC) for the calling citizen, or, by an agent at a counter, for the citizen named. Recorded as a consultation the citizen sees.',
  })
  async issueBirthExtract(
    @Arg('nin', () => String) nin: string,
    @Ctx() ctx: Ctx,
  ): Promise<BirthExtract> {
    const n = assertNin(nin);
    const p = ctx.principal;
    let purpose: string = EXTRACT_ISSUANCE_PURPOSE;
    if (p.kind === 'citizen') {
      if (p.nin !== n)
        throw appError(ErrorCode.NOT_SELF, 'a citizen may ask for their own extract only', {
          field: 'nin',
        });
    } else if (p.kind === 'agent') {
      const basis = decideForGroup(p, ctx.purpose, 'CIVIL_ACTS');
      if (!basis.allowed) throw accessDenied(basis, 'CIVIL_ACTS', ctx.purpose);
      purpose = basis.purpose;
    } else {
      throw forbidden('extracts are issued to the citizen, or by an agent at a counter for them');
    }
    const extract = await birthExtractOf(
      ctx,
      n,
      p.kind === 'citizen' ? `citizen:${p.sub}` : `agent:${p.communeCode}/${p.sub}`,
    );
    if (!extract)
      throw appError(ErrorCode.CITIZEN_NOT_FOUND, `no birth act for NIN ${n}`, { field: 'nin' });
    for (const group of ['IDENTITY', 'FILIATION', 'CIVIL_ACTS'] as const)
      ctx.consultations.record(n, group, purpose);
    return { ...extract, disclosableFields: [...DISCLOSABLE] };
  }

  @Query(() => ExtractVerification, {
    description:
      'Checks a presented extract (no token needed): VALID with the disclosed facts, or why not. Anonymous callers are rate-limited per address and per extract, and every check is logged and shown to the citizen.',
  })
  async verifyExtract(
    @Arg('presentation', () => String, { description: 'The SD-JWT presentation, as handed over.' })
    presentation: string,
    @Ctx() ctx: Ctx,
  ): Promise<ExtractVerification> {
    if (presentation.length > 20_000 || !presentation.includes('~'))
      throw badInput(
        ErrorCode.BAD_USER_INPUT,
        'presentation is an SD-JWT: issuer JWT~disclosures~',
        'presentation',
      );
    const subject = codeOf(presentation);
    await admitPublicLookup(ctx, lookupStore, 'verifyExtract', subject, VERIFY_EXTRACT_LIMITS);
    const jwks = await extractJwks(ctx.db);
    const outcome = await verifyPresentation(presentation, jwks, async (uri) =>
      statusListJwt(ctx.db, Number(uri.split('/').pop())),
    );
    // The status list is built from the registry at each online check, so a revocation
    // made a second ago counts; the row also names whose extract was checked.
    const row = outcome.verdict === 'VALID' ? await extractByCode(ctx.db, subject) : null;
    const verdict = outcome.verdict === 'VALID' && !row ? 'FORGED' : outcome.verdict;
    await recordPublicLookup(ctx, lookupStore, {
      lookup: 'verifyExtract',
      subject,
      outcome: verdict === 'VALID' ? 'FOUND' : 'NOT_FOUND',
      detail: verdict === 'VALID' ? null : verdict,
    });
    if (verdict !== 'VALID' || !row)
      return {
        verdict: verdict as ExtractVerdict,
        actNumber: null,
        code: null,
        issuedOn: null,
        disclosed: [],
      };
    const result = { claims: outcome.claims, row };
    const claims = result.claims!;
    ctx.consultations.record(result.row.nin, 'CIVIL_ACTS', EXTRACT_VERIFICATION_PURPOSE);
    return {
      verdict: ExtractVerdict.VALID,
      actNumber: String(claims.act_number),
      code: String(claims.extract_code),
      issuedOn: String(claims.issued_on),
      disclosed: ALL_DISCLOSABLE.filter((f) => f in claims).map((name) => ({
        name,
        value: JSON.stringify(claims[name]),
      })),
    };
  }

  @Query(() => String, {
    description:
      'The public keys that sign extracts and status lists, as a JWKS (JSON). For offline verifiers.',
  })
  async extractIssuerKeys(@Ctx() ctx: Ctx): Promise<string> {
    return JSON.stringify(await extractJwks(ctx.db));
  }

  @Query(() => String, {
    description:
      'A signed IETF Token Status List of extracts (statuslist+jwt): bit 1 = revoked. Cache it; it says when to fetch again (ttl).',
  })
  async extractStatusList(
    @Arg('list', () => Int, { defaultValue: 0 }) list: number,
    @Ctx() ctx: Ctx,
  ): Promise<string> {
    if (!Number.isInteger(list) || list < 0 || list > 10_000)
      throw badInput(ErrorCode.BAD_USER_INPUT, 'list is a status list number (0, 1, …)', 'list');
    return statusListJwt(ctx.db, list);
  }
}
