import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { decideForGroup } from '../../schema/access-decision.js';
import { accessDenied } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { assertCommuneCode, assertWilayaCode } from '../kit/identifiers.js';
import { raisePeerError, type PeerResponse } from '../kit/peers.js';
import { COMPULSORY_AGE } from './enrolment.rules.js';
import type { EducationLoaders } from './loaders.js';
import { enrolledAmong, pupilCounts } from './queries.js';
import { knownYear } from './school-access.js';
import { SchoolingStatistics, UnenrolledChildren } from './statistics.type.js';

type Ctx = Context<EducationLoaders>;

const COHORT = `query Cohort($commune: String!, $from: LocalDate!, $to: LocalDate!, $after: String) {
  citizens(first: 100, after: $after, filter: { birthCommuneCode: $commune, bornFrom: $from, bornTo: $to }) {
    nodes { nin deathDate }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface CohortPage {
  citizens: {
    nodes: { nin: string; deathDate: string | null }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const sum = <T>(rows: T[], of: (r: T) => number) => rows.reduce((n, r) => n + of(r), 0);
const totals = <T>(rows: T[], keyOf: (r: T) => string, of: (r: T) => number) => {
  const m = new Map<string, number>();
  for (const r of rows) m.set(keyOf(r), (m.get(keyOf(r)) ?? 0) + of(r));
  return m;
};

function assertMinistryStatistics(ctx: Ctx) {
  const basis = decideForGroup(ctx.principal, ctx.purpose, 'SCHOOLING');
  if (!basis.allowed) throw accessDenied(basis, 'SCHOOLING', ctx.purpose);
}

@Resolver()
export class StatisticsResolver {
  @Query(() => SchoolingStatistics, {
    description:
      "A wilaya's schooling figures for a year: pupils by grade, commune and school, schools over capacity, promotion and repeat rates (Education ministry, SCHOOL_ENROLMENT).",
  })
  async schoolingStatistics(
    @Arg('year', () => String) year: string,
    @Arg('wilayaCode', () => String) wilayaCode: string,
    @Ctx() ctx: Ctx,
  ): Promise<SchoolingStatistics> {
    assertMinistryStatistics(ctx);
    assertWilayaCode(wilayaCode, 'wilayaCode');
    const y = await knownYear(ctx, year);
    const rows = await pupilCounts(ctx.db, y.code, wilayaCode);
    const capacityOf = new Map(rows.map((r) => [r.schoolCode, r.capacity]));
    const bySchool = [
      ...totals(
        rows,
        (r) => r.schoolCode,
        (r) => r.pupils,
      ),
    ]
      .map(([schoolCode, pupils]) => ({
        schoolCode,
        pupils,
        capacity: capacityOf.get(schoolCode)!,
      }))
      .sort((a, b) => a.schoolCode.localeCompare(b.schoolCode));
    const decided = sum(rows, (r) => r.decided);
    return {
      year: y.code,
      wilayaCode,
      byGrade: [
        ...totals(
          rows,
          (r) => r.grade,
          (r) => r.pupils,
        ),
      ]
        .map(([grade, pupils]) => ({ grade, pupils }))
        .sort((a, b) => a.grade.localeCompare(b.grade)),
      byCommune: [
        ...totals(
          rows,
          (r) => r.communeCode,
          (r) => r.pupils,
        ),
      ]
        .map(([communeCode, pupils]) => ({ communeCode, pupils }))
        .sort((a, b) => a.communeCode.localeCompare(b.communeCode)),
      bySchool,
      schoolsOverCapacity: bySchool.filter((s) => s.pupils > s.capacity),
      promotionRate: decided ? sum(rows, (r) => r.promoted) / decided : null,
      repeatRate: decided ? sum(rows, (r) => r.repeats) / decided : null,
    };
  }

  @Query(() => UnenrolledChildren, {
    description:
      'Children of compulsory school age (6–16) born in a commune who have no enrolment in the year. The cohort is asked of the civil registry on your behalf (audited there); nothing of it is copied here.',
  })
  async unenrolledChildren(
    @Arg('year', () => String) year: string,
    @Arg('communeCode', () => String) communeCode: string,
    @Ctx() ctx: Ctx,
  ): Promise<UnenrolledChildren> {
    assertMinistryStatistics(ctx);
    assertCommuneCode(communeCode, 'communeCode');
    const y = await knownYear(ctx, year);
    const start = Number(y.code.slice(0, 4));
    // Aged 6 to 16 in the calendar year the school year starts.
    const from = `${start - COMPULSORY_AGE.to}-01-01`;
    const to = `${start - COMPULSORY_AGE.from}-12-31`;
    const living: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: PeerResponse<CohortPage> = await ctx.peers.query<CohortPage>('citizens', COHORT, {
        commune: communeCode,
        from,
        to,
        after,
      });
      raisePeerError('civil registry', res);
      const page: CohortPage['citizens'] = res.data!.citizens;
      for (const c of page.nodes) if (!c.deathDate) living.push(c.nin);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const enrolled = await enrolledAmong(ctx.db, living, y.code);
    return {
      communeCode,
      year: y.code,
      children: living.length,
      unenrolled: living.filter((n) => !enrolled.has(n)).length,
    };
  }
}
