import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import {
  CASE_STATUSES,
  CASE_SUBJECTS,
  COURT_LEVELS,
  DECISIONS,
  PARTY_KINDS,
} from '../../db/tables/disputes.js';
import { ConnectionType } from '../kit/pagination.js';

const enumOf = <T extends readonly string[]>(values: T) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };

export const CaseStatus = enumOf(CASE_STATUSES);
export type CaseStatus = (typeof CASE_STATUSES)[number];
registerEnumType(CaseStatus, {
  name: 'CaseStatus',
  description: 'OPEN → JUDGED → APPEALED → (JUDGED again) → CLOSED; or SETTLED, WITHDRAWN.',
});
export const CourtLevel = enumOf(COURT_LEVELS);
export type CourtLevel = (typeof COURT_LEVELS)[number];
registerEnumType(CourtLevel, {
  name: 'CourtLevel',
  description: 'First instance, appeal, Council of State.',
});
export const CaseSubject = enumOf(CASE_SUBJECTS);
export type CaseSubject = (typeof CASE_SUBJECTS)[number];
registerEnumType(CaseSubject, { name: 'CaseSubject', description: 'What the case is about.' });
export const PartyKind = enumOf(PARTY_KINDS);
export type PartyKind = (typeof PARTY_KINDS)[number];
registerEnumType(PartyKind, {
  name: 'PartyKind',
  description:
    'The opposing party: a citizen (by NIN), a company (by NIF) or another administration.',
});
export const Decision = enumOf(DECISIONS);
export type Decision = (typeof DECISIONS)[number];
registerEnumType(Decision, {
  name: 'JudgmentDecision',
  description: 'The judgment, for the commune.',
});
export enum CommuneRole {
  PLAINTIFF = 'PLAINTIFF',
  DEFENDANT = 'DEFENDANT',
}
registerEnumType(CommuneRole, {
  name: 'CommuneRole',
  description: 'The commune sues, or is sued.',
});

export interface CaseRecord {
  number: string;
  communeCode: string;
  role: CommuneRole;
  court: string;
  level: CourtLevel;
  subject: CaseSubject;
  partyKind: PartyKind;
  partyNin: string | null;
  partyNif: string | null;
  partyName: string | null;
  lawyer: string;
  amountClaimedCentimes: number;
  leaseNumber: string | null;
  noticeNumber: string | null;
  status: CaseStatus;
  openedOn: string;
  judgmentDate: string | null;
  decision: Decision | null;
  amountAwardedCentimes: number | null;
  version: number;
}

@ObjectType({ description: 'A case in which a commune is a party.' })
@Directive('@key(fields: "number")')
export class Case {
  @Field(() => ID, { description: 'Case number: AFF-<commune>-<year>-<serial>.' })
  number!: string;

  @Field(() => CommuneRole)
  role!: CommuneRole;

  @Field(() => String, { description: 'The court seized, e.g. "Tribunal administratif d’Alger".' })
  court!: string;

  @Field(() => CourtLevel)
  level!: CourtLevel;

  @Field(() => CaseSubject)
  subject!: CaseSubject;

  @Field(() => PartyKind)
  partyKind!: PartyKind;

  @Field(() => String, { nullable: true, description: 'A company’s NIF; null otherwise.' })
  partyNif!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A company’s or administration’s name; null for a citizen.',
  })
  partyName!: string | null;

  @Field(() => String, { description: "The commune's lawyer." })
  lawyer!: string;

  @Field(() => CaseStatus)
  status!: CaseStatus;

  @Field(() => LocalDateResolver)
  openedOn!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date of the last judgment.' })
  judgmentDate!: string | null;

  @Field(() => Decision, { nullable: true })
  decision!: Decision | null;

  @Field(() => String, {
    nullable: true,
    description: 'The formal notice this case was opened from.',
  })
  noticeNumber!: string | null;
}

@ObjectType({ description: 'A hearing of a case.' })
export class Hearing {
  @Field(() => LocalDateResolver)
  date!: string;

  @Field(() => CourtLevel)
  level!: CourtLevel;

  @Field(() => String, { description: 'What happened: adjourned, pleadings heard, deliberation…' })
  outcome!: string;
}

@ObjectType({ description: 'One step of a case, kept for good.' })
export class CaseEvent {
  @Field(() => CaseStatus, { nullable: true, description: 'Null for the opening.' })
  fromStatus!: CaseStatus | null;

  @Field(() => CaseStatus)
  toStatus!: CaseStatus;

  @Field(() => CourtLevel)
  level!: CourtLevel;

  @Field(() => String)
  at!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType({ description: 'A commune (defined by the communes subgraph).' })
@Directive('@key(fields: "code")')
export class Commune {
  @Field(() => String)
  code!: string;
}

export const CaseConnection = ConnectionType(Case, 'Case', 'case');
