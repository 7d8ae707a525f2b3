import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../kit/pagination.js';

export enum SchoolLevel {
  PRIMARY = 'PRIMARY',
  MIDDLE = 'MIDDLE',
  SECONDARY = 'SECONDARY',
}
registerEnumType(SchoolLevel, {
  name: 'SchoolLevel',
  description: 'PRIMARY (1AP–5AP), MIDDLE (1AM–4AM) or SECONDARY (1AS–3AS).',
});

export enum SchoolSector {
  PUBLIC = 'PUBLIC',
  PRIVATE = 'PRIVATE',
}
registerEnumType(SchoolSector, { name: 'SchoolSector', description: 'Public or private school.' });

export enum SchoolStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(SchoolStatus, { name: 'SchoolStatus' });

export interface SchoolRecord {
  code: string;
  nameAr: string;
  nameFr: string;
  level: SchoolLevel;
  sector: SchoolSector;
  communeCode: string;
  address: string;
  capacity: number;
  status: SchoolStatus;
}

@ObjectType({
  description: 'A commune (defined by the communes subgraph); here it gains its schools.',
})
@Directive('@key(fields: "code")')
export class Commune {
  @Field(() => String, { description: 'Official four-digit code, e.g. "1601".' })
  code!: string;
}

@ObjectType({
  description:
    'A school (OneRoster: an org of type school). Its directory entry is public; its pupils are not.',
})
@Directive('@key(fields: "code")')
export class School {
  @Field(() => String, {
    description: 'Six digits: the commune code and a serial within it, e.g. "160101".',
  })
  code!: string;

  @Field(() => String, { description: 'Name in Arabic.' })
  nameAr!: string;

  @Field(() => String, { description: 'Name in French.' })
  nameFr!: string;

  @Field(() => SchoolLevel)
  level!: SchoolLevel;

  @Field(() => SchoolSector)
  sector!: SchoolSector;

  @Field(() => String, { description: 'Street address.' })
  address!: string;

  @Field(() => Int, { description: 'How many pupils it can take.' })
  capacity!: number;

  @Field(() => SchoolStatus)
  status!: SchoolStatus;
}

@ObjectType({
  description:
    'A school year (OneRoster: an academicSession of type schoolYear), e.g. "2026-2027".',
})
export class AcademicYear {
  @Field(() => String, { description: 'e.g. "2026-2027".' })
  code!: string;

  @Field(() => LocalDateResolver, { description: 'First day of classes.' })
  startDate!: string;

  @Field(() => LocalDateResolver, { description: 'Last day of the year.' })
  endDate!: string;
}

export const SchoolConnection = ConnectionType(School, 'School', 'school');
