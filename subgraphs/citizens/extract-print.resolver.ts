import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../kit/context.js';
import { ErrorCode, appError, badInput } from '../kit/errors.js';
import {
  DISCLOSABLE,
  EXTRACT_VCT,
  extractJwks,
  statusListJwt,
  verifyPresentation,
} from './extract.js';
import { printableExtractHtml } from './extract.print.js';
import { extractByCode } from './extract.queries.js';
import { PrintableExtract } from './extract.type.js';
import type { CitizensLoaders } from './loaders.js';

type Ctx = Context<CitizensLoaders>;

/**
 * The printable extract is drawn from a presentation the citizen made (web/src/extract.ts
 * keeps the disclosures they chose), so the paper shows exactly what its QR code proves.
 * It is checked first as any verifier would: a revoked or altered presentation is not
 * printed. Printing one's own extract reads nothing new, so it is not logged.
 */
@Resolver()
export class ExtractPrintResolver {
  @Query(() => PrintableExtract, {
    description:
      "The printable version of the calling citizen's birth extract, from a presentation of the facts they chose (Arabic and French, with its QR code). EXTRACT_NOT_VALID when the presentation does not verify; NOT_SELF for someone else's extract.",
  })
  async printableBirthExtract(
    @Arg('presentation', () => String, {
      description: 'An SD-JWT presentation of the extract, with the disclosures to print.',
    })
    presentation: string,
    @Ctx() ctx: Ctx,
  ): Promise<PrintableExtract> {
    if (ctx.principal.kind !== 'citizen')
      throw appError(ErrorCode.FORBIDDEN, 'a citizen prints their own extract');
    if (presentation.length > 20_000 || !presentation.includes('~'))
      throw badInput(
        ErrorCode.BAD_USER_INPUT,
        'presentation is an SD-JWT: issuer JWT~disclosures~',
        'presentation',
      );
    const outcome = await verifyPresentation(presentation, await extractJwks(ctx.db), (uri) =>
      statusListJwt(ctx.db, Number(uri.split('/').pop())),
    );
    const claims = outcome.claims;
    if (outcome.verdict !== 'VALID' || !claims || claims.vct !== EXTRACT_VCT)
      throw appError(
        ErrorCode.EXTRACT_NOT_VALID,
        `this presentation cannot be printed: it is ${outcome.verdict === 'VALID' ? 'not a birth extract' : outcome.verdict.toLowerCase()}; ask for a new extract`,
        { field: 'presentation', verdict: outcome.verdict },
      );
    const row = await extractByCode(ctx.db, String(claims.extract_code));
    if (!row || row.nin !== ctx.principal.nin)
      throw appError(ErrorCode.NOT_SELF, 'a citizen may print their own extract only', {
        field: 'presentation',
      });
    const disclosed = Object.fromEntries(
      DISCLOSABLE.filter((f) => f in claims).map((f) => [f, claims[f]]),
    );
    const html = await printableExtractHtml(
      {
        disclosed,
        actNumber: String(claims.act_number),
        code: row.code,
        issuedOn: String(claims.issued_on),
        expiresOn: new Date(Number(claims.exp) * 1000).toISOString().slice(0, 10),
      },
      presentation,
    );
    return { html, code: row.code, printedFields: Object.keys(disclosed) };
  }
}
