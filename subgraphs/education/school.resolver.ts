import { Arg, Args, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { grantReach, visibleConnection } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { assertCommuneCode, assertWilayaCode } from '../kit/identifiers.js';
import { PageArgs, readPage, toConnection } from '../kit/pagination.js';
import { GRADES_OF_LEVEL } from './enrolment.rules.js';
import { SchoolFilter } from './enrolment.input.js';
import { EnrolmentConnection } from './enrolment.type.js';
import type { EducationLoaders } from './loaders.js';
import { allAcademicYears, listSchools } from './queries.js';
import { assertSchoolCode, assertSchoolReach, knownYear } from './school-access.js';
import { enrolmentScope } from './scope.js';
import {
  AcademicYear,
  Commune,
  School,
  SchoolConnection,
  type SchoolRecord,
} from './school.type.js';

type Ctx = Context<EducationLoaders>;

@Resolver(() => School)
export class SchoolResolver {
  @Query(() => School, {
    nullable: true,
    description: 'A school of the directory by its code; no token needed.',
  })
  school(@Arg('code', () => String) code: string, @Ctx() ctx: Ctx) {
    return ctx.loaders.schoolByCode.load(assertSchoolCode(code, 'code'));
  }

  @Query(() => SchoolConnection, {
    description: 'The school directory, in code order, a page at a time; no token needed.',
  })
  async schools(
    @Arg('filter', () => SchoolFilter, { nullable: true }) filter: SchoolFilter | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    const f = { ...(filter ?? {}) };
    if (f.communeCode != null) assertCommuneCode(f.communeCode, 'filter.communeCode');
    if (f.wilayaCode != null) assertWilayaCode(f.wilayaCode, 'filter.wilayaCode');
    const page = readPage(args, { list: 'Query.schools', scope: f });
    const rows = await listSchools(ctx.db, f, page);
    for (const row of rows) ctx.loaders.schoolByCode.prime(row.code, row);
    return toConnection(rows, page, (s) => s.code);
  }

  @Directive('@listSize(assumedSize: 20)') // a handful of years is kept open
  @Query(() => [AcademicYear], { description: 'The school years, oldest first.' })
  academicYears(@Ctx() ctx: Ctx) {
    return allAcademicYears(ctx.db);
  }

  @FieldResolver(() => Commune, { description: 'The commune where the school stands.' })
  commune(@Root() s: SchoolRecord): Commune {
    return { code: s.communeCode };
  }

  @Directive('@listSize(assumedSize: 5)')
  @FieldResolver(() => [String], { description: 'The grades it teaches, e.g. 1AP to 5AP.' })
  grades(@Root() s: SchoolRecord): readonly string[] {
    return GRADES_OF_LEVEL[s.level];
  }

  @FieldResolver(() => EnrolmentConnection, {
    description:
      "The school's enrolments of a year, a page at a time: the Education ministry (SCHOOL_ENROLMENT) or an integrator whose token covers the school.",
  })
  async enrolments(
    @Root() s: SchoolRecord,
    @Arg('year', () => String) year: string,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    assertSchoolReach(ctx, s.code, 'code');
    await knownYear(ctx, year);
    const page = readPage(args, { list: 'School.enrolments', scope: { code: s.code, year } });
    const rows = await ctx.loaders.enrolmentsBySchool(year).load({ parent: s.code, page });
    for (const row of rows) ctx.loaders.enrolmentById.prime(row.id, row);
    const connection = visibleConnection(
      ctx,
      toConnection(rows, page, (e) => String(e.id)),
      enrolmentScope,
      'SCHOOLING',
    );
    // Their names come from the registry: the pupils of a roster within reach are within reach there.
    for (const e of connection.nodes) grantReach(ctx, e.nin);
    return connection;
  }
}

@Resolver(() => Commune)
export class CommuneSchoolsResolver {
  @FieldResolver(() => SchoolConnection, {
    description: 'Schools in this commune, in code order; no token needed.',
  })
  async schools(@Root() c: Commune, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Ctx) {
    const page = readPage(args, { list: 'Commune.schools', scope: { code: c.code } });
    const rows = await ctx.loaders.schoolsByCommune.load({ parent: c.code, page });
    for (const row of rows) ctx.loaders.schoolByCode.prime(row.code, row);
    return toConnection(rows, page, (s) => s.code);
  }
}
