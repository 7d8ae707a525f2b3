import { Directive, Field, Int, ObjectType } from 'type-graphql';

export interface WilayaRecord {
  code: string;
  nameAr: string;
  nameFr: string;
  nameEn: string | null;
  nameBer: string | null;
  phoneCodes: number[];
  postalCodes: string[];
  adjacentWilayaCodes: string[];
}

export interface DairaRecord {
  code: string;
  wilayaCode: string;
  nameAr: string;
  nameFr: string;
}

export interface CommuneRecord {
  code: string;
  wilayaCode: string;
  dairaCode: string | null;
  nameAr: string;
  nameFr: string;
  nameBer: string | null;
  postalCode: string | null;
}

@ObjectType({
  description: 'A wilaya (province). Their number is data: 48, then 58 in 2019, 69 in 2025.',
})
@Directive('@key(fields: "code")')
export class Wilaya {
  @Field(() => String, { description: 'Official code, two digits: "16" for Alger.' })
  code!: string;

  @Field(() => String, { description: 'Name in Arabic (الاسم بالعربية).' })
  nameAr!: string;

  @Field(() => String, { description: 'Name in French.' })
  nameFr!: string;

  @Field(() => String, { nullable: true, description: 'Name in English.' })
  nameEn!: string | null;

  @Field(() => String, { nullable: true, description: 'Name in Tamazight (Tifinagh script).' })
  nameBer!: string | null;

  @Field(() => [Int], { description: 'Telephone area codes.' })
  phoneCodes!: number[];

  @Field(() => [String], { description: 'Postal codes in use in the wilaya.' })
  postalCodes!: string[];
}

@ObjectType({ description: 'A daïra (district) of a wilaya, grouping communes.' })
@Directive('@key(fields: "code")')
export class Daira {
  @Field(() => String, { description: "Official code: that of the daïra's chief commune." })
  code!: string;

  @Field(() => String, { description: 'Name in Arabic.' })
  nameAr!: string;

  @Field(() => String, { description: 'Name in French.' })
  nameFr!: string;
}

@ObjectType({
  description: 'A commune (baladiya), the level where citizens meet the administration.',
})
@Directive('@key(fields: "code")')
export class Commune {
  @Field(() => String, { description: 'Official four-digit code, e.g. "1601" for Alger Centre.' })
  code!: string;

  @Field(() => String, { description: 'Name in Arabic.' })
  nameAr!: string;

  @Field(() => String, { description: 'Name in French.' })
  nameFr!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Name in Tamazight, where the reference data has it.',
  })
  nameBer!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Postal code, where the reference data has it.',
  })
  postalCode!: string | null;
}
