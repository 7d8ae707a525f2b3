import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { grantReach, visibleOrNull } from '../kit/access.js';
import { applicationScope, documentScope } from './scope.js';
import type { Context } from '../kit/context.js';
import { ErrorCode, badInput } from '../kit/errors.js';
import { publicLookup } from '../kit/public-lookup.js';
import { Application } from './application.type.js';
import { Citizen } from './citizen.type.js';
import { Commune, Document, DocumentVerification, type DocumentRecord } from './document.type.js';
import type { DocumentsLoaders } from './loaders.js';
import { VERIFY_DOCUMENT_LIMITS } from './public-lookups.js';
import { lookupStore } from './queries.js';

type Ctx = Context<DocumentsLoaders>;
const DOCUMENT_NUMBER = /^[PCL]\d{9}$/;

@Resolver(() => Document)
export class DocumentResolver {
  @Query(() => DocumentVerification, {
    description:
      'Is this document valid, and if not why: for a border or roadside check. Answers nothing about the holder; no token needed. Anonymous callers are rate-limited per address and per number (RATE_LIMITED), and every lookup is logged.',
  })
  async verifyDocument(
    @Arg('number', () => String) number: string,
    @Ctx() ctx: Ctx,
  ): Promise<DocumentVerification> {
    const normalised = number.trim().toUpperCase();
    if (!DOCUMENT_NUMBER.test(normalised)) {
      throw badInput(
        ErrorCode.BAD_USER_INPUT,
        'a document number is a letter (P, C or L) and 9 digits, e.g. P160000123',
        'number',
      );
    }
    const doc = await publicLookup(
      ctx,
      lookupStore,
      { lookup: 'verifyDocument', subject: normalised, rules: VERIFY_DOCUMENT_LIMITS },
      () => ctx.loaders.documentByNumber.load(normalised),
    );
    if (!doc)
      return { number: normalised, valid: false, reason: 'UNKNOWN', type: null, expiryDate: null };
    const expired = doc.expiryDate < new Date().toISOString().slice(0, 10);
    const reason = doc.status === 'ACTIVE' ? (expired ? 'EXPIRED' : 'VALID') : doc.status;
    return {
      number: doc.number,
      valid: reason === 'VALID',
      reason,
      type: doc.type,
      expiryDate: doc.expiryDate,
    };
  }

  @Query(() => Document, {
    nullable: true,
    description: 'One document by number, for those who may see its holder’s documents.',
  })
  async document(@Arg('number', () => String) number: string, @Ctx() ctx: Ctx) {
    const doc = await ctx.loaders.documentByNumber.load(number.trim().toUpperCase());
    return visibleOrNull(ctx, doc, documentScope);
  }

  @FieldResolver(() => Citizen, { description: 'The holder.' })
  holder(@Root() doc: DocumentRecord, @Ctx() ctx: Ctx): Citizen {
    // The shield let this document through, so its holder is within reach.
    grantReach(ctx, doc.holderNin);
    return { nin: doc.holderNin };
  }

  @FieldResolver(() => Commune, { description: 'The commune whose counter issued it.' })
  issuingCommune(@Root() doc: DocumentRecord): Commune {
    return { code: doc.issuingCommuneCode };
  }

  @FieldResolver(() => Application, {
    nullable: true,
    description: 'The application it answered, when it came from one.',
  })
  async application(@Root() doc: DocumentRecord, @Ctx() ctx: Ctx) {
    if (!doc.applicationNumber) return null;
    const app = await ctx.loaders.applicationByNumber.load(doc.applicationNumber);
    return visibleOrNull(ctx, app, applicationScope);
  }
}
