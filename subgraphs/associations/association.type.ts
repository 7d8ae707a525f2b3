import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../kit/pagination.js';

export enum AssociationDomain {
  CULTURE = 'CULTURE',
  SPORT = 'SPORT',
  SOCIAL = 'SOCIAL',
  YOUTH = 'YOUTH',
  ENVIRONMENT = 'ENVIRONMENT',
  RELIGIOUS = 'RELIGIOUS',
  PROFESSIONAL = 'PROFESSIONAL',
  SCIENTIFIC = 'SCIENTIFIC',
  CHARITY = 'CHARITY',
  NEIGHBOURHOOD = 'NEIGHBOURHOOD',
}
registerEnumType(AssociationDomain, { name: 'AssociationDomain' });

export enum AssociationStatus {
  DECLARED = 'DECLARED',
  REGISTERED = 'REGISTERED',
  REFUSED = 'REFUSED',
  SUSPENDED = 'SUSPENDED',
  DISSOLVED = 'DISSOLVED',
}
registerEnumType(AssociationStatus, {
  name: 'AssociationStatus',
  description:
    'DECLARED → REGISTERED (numbered receipt) or REFUSED (with a reason) within the legal delay; REGISTERED ↔ SUSPENDED; → DISSOLVED.',
});

export enum BoardRole {
  PRESIDENT = 'PRESIDENT',
  SECRETARY_GENERAL = 'SECRETARY_GENERAL',
  TREASURER = 'TREASURER',
  MEMBER = 'MEMBER',
}
registerEnumType(BoardRole, { name: 'BoardRole' });

export interface AssociationRecord {
  id: string;
  communeCode: string;
  name: string;
  nameAr: string;
  domain: AssociationDomain;
  seat: string;
  statutes: string;
  status: AssociationStatus;
  version: number;
  declaredOn: string;
  decisionDue: string;
  registrationNumber: string | null;
  registeredOn: string | null;
  refusalReason: string | null;
}

export interface FounderRecord {
  associationId: string;
  nin: string;
  /** The association's commune, for the access decision. */
  communeCode: string;
}

export interface BoardMemberRecord {
  associationId: string;
  board: number;
  nin: string;
  role: BoardRole;
  fromDate: string;
  toDate: string | null;
  communeCode: string;
}

@ObjectType({
  description:
    'An association declared at a commune, as its ASSOCIATIONS service sees it (founders and board are personal data).',
})
export class Association {
  @Field(() => ID, { description: 'ASC-CCCC-NNNNNN, given at declaration.' })
  id!: string;

  @Field(() => String, { description: 'Name in French (Latin script).' })
  name!: string;

  @Field(() => String, { description: 'Name in Arabic.' })
  nameAr!: string;

  @Field(() => AssociationDomain)
  domain!: AssociationDomain;

  @Field(() => String, { description: 'The seat’s address.' })
  seat!: string;

  @Field(() => String, { description: 'The statutes (or their summary).' })
  statutes!: string;

  @Field(() => AssociationStatus)
  status!: AssociationStatus;

  @Field(() => Int, { description: 'Optimistic lock: name it when you decide or change status.' })
  version!: number;

  @Field(() => LocalDateResolver)
  declaredOn!: string;

  @Field(() => LocalDateResolver, { description: 'End of the legal delay to register or refuse.' })
  decisionDue!: string;

  @Field(() => String, { nullable: true, description: 'The registration receipt’s number.' })
  registrationNumber!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  registeredOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the declaration was refused.' })
  refusalReason!: string | null;
}

export const AssociationConnection = ConnectionType(Association, 'Association', 'association');

@ObjectType({ description: 'A founder of an association (group ASSOCIATIONS).' })
export class Founder {
  @Field(() => String, { description: 'The association founded.' })
  associationId!: string;
}

@ObjectType({ description: 'A seat on an association’s board (group ASSOCIATIONS).' })
export class BoardMember {
  @Field(() => Int, { description: '1 for the founding board, then one more at each renewal.' })
  board!: number;

  @Field(() => BoardRole)
  role!: BoardRole;

  @Field(() => LocalDateResolver)
  fromDate!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Null while the board sits.' })
  toDate!: string | null;
}

export const BoardMemberConnection = ConnectionType(BoardMember, 'BoardMember', 'board seat');

@ObjectType({ description: 'A step in an association’s life: who, when, and why.' })
export class AssociationEvent {
  @Field(() => AssociationStatus, { nullable: true })
  fromStatus!: string | null;

  @Field(() => AssociationStatus)
  toStatus!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => String, { description: 'ISO 8601 instant.' })
  at!: string;
}

@ObjectType({
  description:
    'An association in the public registry: no personal data. Only associations once registered appear (not pending or refused declarations).',
})
export class PublicAssociation {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  nameAr!: string;

  @Field(() => AssociationDomain)
  domain!: AssociationDomain;

  @Field(() => String)
  seat!: string;

  @Field(() => AssociationStatus)
  status!: AssociationStatus;

  @Field(() => String, { nullable: true })
  registrationNumber!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  registeredOn!: string | null;
}

export const PublicAssociationConnection = ConnectionType(
  PublicAssociation,
  'PublicAssociation',
  'registered association',
);

@ObjectType({
  description: 'An association and what was decided, as the ASSOCIATIONS service sees it.',
})
export class AssociationPayload {
  @Field(() => Association)
  association!: AssociationRecord;

  @Field(() => Boolean, { description: 'True when this answers a retry.' })
  replayed!: boolean;
}

export interface SubsidyRecord {
  id: number;
  associationId: string;
  year: number;
  amount: number;
  grantedOn: string;
}

@ObjectType({ description: 'A subsidy the commune granted an association for a year.' })
export class Subsidy {
  @Field(() => Int)
  year!: number;

  @Field(() => Float, { description: 'In dinars.' })
  amount!: number;

  @Field(() => LocalDateResolver)
  grantedOn!: string;
}

export const SubsidyConnection = ConnectionType(Subsidy, 'Subsidy', 'subsidy');

export interface AnnualReportRecord {
  associationId: string;
  year: number;
  submittedOn: string;
  summary: string;
}

@ObjectType({ description: 'The activity and financial report an association files each year.' })
export class AnnualReport {
  @Field(() => Int)
  year!: number;

  @Field(() => LocalDateResolver)
  submittedOn!: string;

  @Field(() => String)
  summary!: string;
}

export const AnnualReportConnection = ConnectionType(AnnualReport, 'AnnualReport', 'annual report');
