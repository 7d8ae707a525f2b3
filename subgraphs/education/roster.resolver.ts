import { Arg, Ctx, Directive, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { visibleRows } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import type { EducationLoaders } from './loaders.js';
import { oneRosterFiles, type RosterPupil } from './oneroster.js';
import { rosterOf } from './queries.js';
import { registryPupils } from './registry-check.js';
import { assertSchoolCode, assertSchoolReach, knownYear, openSchool } from './school-access.js';
import { enrolmentScope } from './scope.js';

type Ctx = Context<EducationLoaders>;

@ObjectType({ description: 'One CSV file of a OneRoster bulk export.' })
export class OneRosterFile {
  @Field(() => String, { description: 'The file name, e.g. "users.csv".' })
  name!: string;

  @Field(() => String, { description: 'The CSV text (UTF-8, header row, CRLF line ends).' })
  content!: string;
}

@ObjectType({
  description:
    "A school's roster for a year as OneRoster 1.2 CSV files: zip them and any OneRoster-speaking school software imports them.",
})
export class OneRosterExport {
  @Field(() => String)
  schoolCode!: string;

  @Field(() => String)
  year!: string;

  @Directive('@listSize(assumedSize: 8)') // the manifest and seven data files
  @Field(() => [OneRosterFile])
  files!: OneRosterFile[];
}

@Resolver()
export class RosterResolver {
  @Query(() => OneRosterExport, {
    description:
      "The open enrolments of a school for a year, as a OneRoster 1.2 CSV bulk export (pupils' names come from the civil registry, asked on your behalf).",
  })
  async schoolRoster(
    @Arg('schoolCode', () => String) schoolCode: string,
    @Arg('year', () => String) year: string,
    @Ctx() ctx: Ctx,
  ): Promise<OneRosterExport> {
    const code = assertSchoolCode(schoolCode, 'schoolCode');
    assertSchoolReach(ctx, code, 'schoolCode');
    const school = await openSchool(ctx, code, 'schoolCode');
    const y = await knownYear(ctx, year);
    const roster = visibleRows(ctx, await rosterOf(ctx.db, code, y.code), (e, c) =>
      enrolmentScope(e, c),
    );
    // Each pupil exported is a consultation of their schooling, recorded here.
    for (const e of roster) ctx.consultations.record(e.nin, 'SCHOOLING', ctx.purpose!);
    const registry = await registryPupils(
      ctx,
      roster.map((e) => e.nin),
      true,
    );
    const pupils = new Map<string, RosterPupil>(
      [...registry.values()].map((p) => [
        p.nin,
        { nin: p.nin, givenName: p.givenNameLat ?? '', familyName: p.familyNameLat ?? '' },
      ]),
    );
    return { schoolCode: code, year: y.code, files: oneRosterFiles(school, y, roster, pupils) };
  }
}
