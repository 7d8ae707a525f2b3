import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';

export enum ExtractVerdict {
  VALID = 'VALID',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
  ALTERED = 'ALTERED',
  FORGED = 'FORGED',
}
registerEnumType(ExtractVerdict, {
  name: 'ExtractVerdict',
  description:
    'VALID; REVOKED (a later act changed its facts: ask for a new one); EXPIRED; ALTERED (a character changed: the signature or a disclosure does not match); FORGED (not an extract signed with a published key).',
});

@ObjectType({
  description:
    'A digital birth extract (successor of the paper 12S): an SD-JWT verifiable credential whose every fact is selectively disclosable.',
})
export class BirthExtract {
  @Field(() => String, {
    description:
      'The SD-JWT VC with all disclosures (issuer-signed JWT~disclosure~…~). Keep it: a presentation is this string with some disclosures left out.',
  })
  credential!: string;

  @Field(() => String, { description: 'The verification code printed on it (always disclosed).' })
  code!: string;

  @Field(() => String, { description: 'The birth act it is drawn from (always disclosed).' })
  actNumber!: string;

  @Field(() => String, { description: 'When it stops being valid (ISO 8601).' })
  expiresAt!: string;

  @Field(() => [String], { description: 'The names of the facts the holder may disclose.' })
  disclosableFields!: string[];
}

@ObjectType({ description: 'One fact a presentation disclosed.' })
export class DisclosedField {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'The value, as JSON.' })
  value!: string;
}

@ObjectType({
  description:
    'What a verifier learns from a presented extract: its verdict and the disclosed facts, no more.',
})
export class ExtractVerification {
  @Field(() => ExtractVerdict)
  verdict!: ExtractVerdict;

  @Field(() => String, { nullable: true, description: 'The birth act number, when VALID.' })
  actNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'The verification code, when VALID.' })
  code!: string | null;

  @Field(() => String, { nullable: true, description: 'Issue date, when VALID.' })
  issuedOn!: string | null;

  // At most the disclosable facts of a certificate (ALL_DISCLOSABLE in certificate.issue.ts: 18).
  @Directive('@listSize(assumedSize: 18)')
  @Field(() => [DisclosedField], {
    description: 'The facts the holder chose to disclose; empty unless VALID.',
  })
  disclosed!: DisclosedField[];
}

@ObjectType({
  description:
    'A printable birth extract: an HTML page in Arabic (right to left) and French with the facts a presentation discloses and a QR code of that presentation. Print it, or save it as PDF, from the browser.',
})
export class PrintableExtract {
  @Field(() => String, {
    description:
      'The whole page (<!doctype html>…), A4; the Arabic part carries lang="ar" dir="rtl".',
  })
  html!: string;

  @Field(() => String, { description: 'The verification code printed on it.' })
  code!: string;

  // At most the disclosable facts of a birth extract (DISCLOSABLE in extract.ts: 11).
  @Directive('@listSize(assumedSize: 11)')
  @Field(() => [String], { description: 'The facts printed: those the presentation discloses.' })
  printedFields!: string[];
}
