import { ninProblem } from '../../schema/nin.js';
import type { Context } from '../kit/context.js';
import { ErrorCode, badInput } from '../kit/errors.js';
import {
  MAX_BULK_ROWS,
  SECTION_PATTERN,
  isGrade,
  judgeRow,
  type Grade,
} from './enrolment.rules.js';
import type { EnrolPupilsInput } from './enrolment.input.js';
import type { RowResultRecord } from './enrolment.type.js';
import type { EducationLoaders } from './loaders.js';
import { enrolRows, replayedEnrolment, type GoodRow } from './queries.js';
import { registryPupils } from './registry-check.js';
import { assertSchoolCode, assertSchoolReach, knownYear, openSchool } from './school-access.js';

type Ctx = Context<EducationLoaders>;

const refusedRow = (
  index: number,
  nin: string,
  code: string,
  message: string,
): RowResultRecord => ({ index, nin, outcome: 'REFUSED', code, message, enrolmentId: null });

/**
 * A bulk enrolment: the request as a whole is checked first (school in the caller's
 * scope, known and open, known year, at most 500 rows) and refused whole when it fails;
 * then every row on its own, a refused row writing nothing and failing no other row. A
 * retry with the same key is answered from the first result without asking the registry.
 */
export async function enrolPupils(
  ctx: Ctx,
  input: EnrolPupilsInput,
  idempotencyKey: string,
): Promise<{ results: RowResultRecord[]; replayed: boolean }> {
  const schoolCode = assertSchoolCode(input.schoolCode, 'input.schoolCode');
  assertSchoolReach(ctx, schoolCode, 'input.schoolCode');
  if (input.pupils.length === 0 || input.pupils.length > MAX_BULK_ROWS)
    throw badInput(
      ErrorCode.TOO_MANY_ROWS,
      `a bulk enrolment takes 1 to ${MAX_BULK_ROWS} pupils (got ${input.pupils.length}); split it into several requests, each with its own idempotencyKey`,
      'input.pupils',
    );
  const school = await openSchool(ctx, schoolCode, 'input.schoolCode');
  const year = await knownYear(ctx, input.year, 'input.year');
  const request = {
    clientId: 'clientId' in ctx.principal ? ctx.principal.clientId : 'anonymous',
    key: idempotencyKey,
    operation: 'enrolPupils',
    input: { schoolCode, year: year.code, pupils: input.pupils },
  };
  const earlier = await replayedEnrolment<{ results: RowResultRecord[] }>(ctx.db, request);
  if (earlier) return { results: earlier.results, replayed: true };

  // Rows that are malformed or repeated are refused before anyone is asked about them.
  const refused: RowResultRecord[] = [];
  const wellFormed: { index: number; nin: string; grade: Grade; section: string }[] = [];
  const seen = new Set<string>();
  input.pupils.forEach((row, index) => {
    const nin = row.nin.trim();
    const section = row.section.trim().toUpperCase();
    const problem = ninProblem(nin);
    if (problem)
      refused.push(refusedRow(index, nin, ErrorCode.INVALID_NIN, `not a valid NIN: ${problem}`));
    else if (!isGrade(row.grade))
      refused.push(
        refusedRow(
          index,
          nin,
          ErrorCode.INVALID_GRADE,
          `grade must be one of 1AP–5AP, 1AM–4AM, 1AS–3AS (got "${row.grade.slice(0, 10)}")`,
        ),
      );
    else if (!SECTION_PATTERN.test(section))
      refused.push(
        refusedRow(
          index,
          nin,
          ErrorCode.INVALID_SECTION,
          'section must be 1 to 3 letters or digits, e.g. "A"',
        ),
      );
    else if (seen.has(nin))
      refused.push(
        refusedRow(
          index,
          nin,
          ErrorCode.DUPLICATE_ROW,
          'this NIN is on an earlier row of the same request',
        ),
      );
    else {
      seen.add(nin);
      wellFormed.push({ index, nin, grade: row.grade, section });
    }
  });

  const registry = await registryPupils(
    ctx,
    wellFormed.map((r) => r.nin),
  );
  const good: GoodRow[] = [];
  for (const row of wellFormed) {
    const pupil = registry.get(row.nin) ?? null;
    const verdict = judgeRow(row, school, year.code, pupil);
    if (!verdict.ok) refused.push(refusedRow(row.index, row.nin, verdict.code, verdict.message));
    else good.push({ ...row, fatherNin: pupil!.fatherNin, motherNin: pupil!.motherNin });
  }
  return enrolRows(
    ctx.db,
    { schoolCode, year: year.code, startDate: year.startDate },
    good,
    refused,
    request,
  );
}
