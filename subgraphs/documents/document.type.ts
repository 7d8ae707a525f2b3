import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../kit/pagination.js';

export enum DocumentType {
  PASSPORT = 'PASSPORT',
  NATIONAL_ID_CARD = 'NATIONAL_ID_CARD',
  DRIVING_LICENCE = 'DRIVING_LICENCE',
}
registerEnumType(DocumentType, {
  name: 'DocumentType',
  description: 'Secure documents produced by the Interior ministry.',
});

export enum DocumentStatus {
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  LOST = 'LOST',
  STOLEN = 'STOLEN',
  REVOKED = 'REVOKED',
  REPLACED = 'REPLACED',
}
registerEnumType(DocumentStatus, { name: 'DocumentStatus' });

export enum DrivingCategory {
  A1 = 'A1',
  A = 'A',
  B = 'B',
  C1 = 'C1',
  C = 'C',
  D = 'D',
  BE = 'BE',
  CE = 'CE',
}
registerEnumType(DrivingCategory, {
  name: 'DrivingCategory',
  description: 'Driving-licence categories.',
});

export interface DocumentRecord {
  number: string;
  type: DocumentType;
  categories: string[];
  holderNin: string;
  issuingCommuneCode: string;
  issueDate: string;
  expiryDate: string;
  status: DocumentStatus;
  applicationNumber: string | null;
}

@ObjectType({ description: 'A commune (defined by the communes subgraph).' })
@Directive('@key(fields: "code", resolvable: false)')
export class Commune {
  @Field(() => String)
  code!: string;
}

@ObjectType({
  description: 'A biometric document: passport, national identity card (CNIBE) or driving licence.',
})
@Directive('@key(fields: "number")')
export class Document {
  @Field(() => ID, { description: 'Document number, as printed on it.' })
  number!: string;

  @Field(() => DocumentType)
  type!: DocumentType;

  @Field(() => [DrivingCategory], {
    description: 'Categories of a driving licence; empty for other documents.',
  })
  categories!: DrivingCategory[];

  @Field(() => LocalDateResolver)
  issueDate!: string;

  @Field(() => LocalDateResolver)
  expiryDate!: string;

  @Field(() => DocumentStatus)
  status!: DocumentStatus;
}

@ObjectType({
  description: 'The answer to a document check at a border or a roadside: no personal data.',
})
export class DocumentVerification {
  @Field(() => String)
  number!: string;

  @Field(() => Boolean, { description: 'True only for an ACTIVE document that has not expired.' })
  valid!: boolean;

  @Field(() => String, {
    description: 'VALID, UNKNOWN, EXPIRED, LOST, STOLEN, REVOKED or REPLACED.',
  })
  reason!: string;

  @Field(() => DocumentType, { nullable: true })
  type!: DocumentType | null;

  @Field(() => LocalDateResolver, { nullable: true })
  expiryDate!: string | null;
}

@ObjectType({ description: 'One entry of the guide of procedures (the kiosk guide).' })
export class Procedure {
  @Field(() => DocumentType)
  type!: DocumentType;

  @Field(() => String, { description: 'Name of the document in French.' })
  title!: string;

  @Field(() => String, { description: 'Name of the document in Arabic.' })
  titleAr!: string;

  @Field(() => [String], { description: 'Pieces to bring to the counter.' })
  piecesRequired!: string[];

  @Field(() => Int, { description: 'Fee in Algerian dinars.' })
  feeDzd!: number;

  @Field(() => Int, { description: 'Usual working days until the document is ready.' })
  typicalDelayDays!: number;

  @Field(() => String)
  whereToApply!: string;

  @Field(() => Int, {
    description: 'Minimum age of the applicant (driving licence: of the lowest category, A1).',
  })
  minimumAge!: number;

  @Field(() => Int)
  validityYears!: number;
}

export const DocumentConnection = ConnectionType(Document, 'Document', 'document');
