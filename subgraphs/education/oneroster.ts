import { stringify } from 'csv-stringify/sync';
import type { Grade } from './enrolment.rules.js';
import type { EnrolmentRecord } from './enrolment.type.js';
import type { AcademicYear, SchoolRecord } from './school.type.js';

/**
 * A school's roster as a OneRoster 1.2 CSV bulk export, so that school-management
 * software imports it without custom code: the school is an org, the year an
 * academicSession, each grade a course, each (grade, section) a class, each pupil a user
 * with a student role, each enrolment an enrollment. Bulk files leave `status` and
 * `dateLastModified` empty, as the binding asks.
 */
export interface RosterPupil {
  nin: string;
  givenName: string;
  familyName: string;
}

/** OneRoster grades are CEDS grade levels: 1AP is "01", 3AS is "12". */
export const CEDS_GRADE: Record<Grade, string> = {
  '1AP': '01',
  '2AP': '02',
  '3AP': '03',
  '4AP': '04',
  '5AP': '05',
  '1AM': '06',
  '2AM': '07',
  '3AM': '08',
  '4AM': '09',
  '1AS': '10',
  '2AS': '11',
  '3AS': '12',
};

const HEADERS = {
  academicSessions: [
    'sourcedId',
    'status',
    'dateLastModified',
    'title',
    'type',
    'startDate',
    'endDate',
    'parentSourcedId',
    'schoolYear',
  ],
  orgs: [
    'sourcedId',
    'status',
    'dateLastModified',
    'name',
    'type',
    'identifier',
    'parentSourcedId',
  ],
  courses: [
    'sourcedId',
    'status',
    'dateLastModified',
    'schoolYearSourcedId',
    'title',
    'courseCode',
    'grades',
    'orgSourcedId',
    'subjects',
    'subjectCodes',
  ],
  classes: [
    'sourcedId',
    'status',
    'dateLastModified',
    'title',
    'grades',
    'courseSourcedId',
    'classCode',
    'classType',
    'location',
    'schoolSourcedId',
    'termSourcedIds',
    'subjects',
    'subjectCodes',
    'periods',
  ],
  users: [
    'sourcedId',
    'status',
    'dateLastModified',
    'enabledUser',
    'username',
    'userIds',
    'givenName',
    'familyName',
    'middleName',
    'identifier',
    'email',
    'sms',
    'phone',
    'agentSourcedIds',
    'grades',
    'password',
    'userMasterIdentifier',
    'resourceSourcedIds',
    'preferredGivenName',
    'preferredMiddleName',
    'preferredFamilyName',
    'primaryOrgSourcedId',
    'pronouns',
  ],
  roles: [
    'sourcedId',
    'status',
    'dateLastModified',
    'userSourcedId',
    'roleType',
    'role',
    'beginDate',
    'endDate',
    'orgSourcedId',
    'userProfileSourcedId',
  ],
  enrollments: [
    'sourcedId',
    'status',
    'dateLastModified',
    'classSourcedId',
    'schoolSourcedId',
    'userSourcedId',
    'role',
    'primary',
    'beginDate',
    'endDate',
  ],
} as const;

type Table = keyof typeof HEADERS;
type Row<T extends Table> = Partial<Record<(typeof HEADERS)[T][number], string>>;

const csv = <T extends Table>(table: T, rows: Row<T>[]) =>
  stringify(
    rows.map((r) => HEADERS[table].map((h) => (r as Record<string, string | undefined>)[h] ?? '')),
    { header: true, columns: [...HEADERS[table]], record_delimiter: '\r\n' },
  );

export const sourcedIds = {
  org: (s: SchoolRecord) => `org-${s.code}`,
  session: (y: AcademicYear) => `session-${y.code}`,
  course: (s: SchoolRecord, y: AcademicYear, grade: string) =>
    `course-${s.code}-${y.code}-${grade}`,
  class: (s: SchoolRecord, y: AcademicYear, grade: string, section: string) =>
    `class-${s.code}-${y.code}-${grade}-${section}`,
  user: (nin: string) => `pupil-${nin}`,
  enrollment: (e: EnrolmentRecord) => `enrolment-${e.id}`,
};

export function oneRosterFiles(
  school: SchoolRecord,
  year: AcademicYear,
  roster: EnrolmentRecord[],
  pupils: ReadonlyMap<string, RosterPupil>,
): { name: string; content: string }[] {
  const org = sourcedIds.org(school);
  const session = sourcedIds.session(year);
  const grades = [...new Set(roster.map((e) => e.grade))].sort();
  const classes = [...new Map(roster.map((e) => [`${e.grade}-${e.section}`, e])).values()];
  const files = {
    'academicSessions.csv': csv('academicSessions', [
      {
        sourcedId: session,
        title: year.code,
        type: 'schoolYear',
        startDate: year.startDate,
        endDate: year.endDate,
        schoolYear: year.code.slice(5),
      },
    ]),
    'orgs.csv': csv('orgs', [
      { sourcedId: org, name: school.nameFr, type: 'school', identifier: school.code },
    ]),
    'courses.csv': csv(
      'courses',
      grades.map((g) => ({
        sourcedId: sourcedIds.course(school, year, g),
        schoolYearSourcedId: session,
        title: `${g} ${year.code}`,
        courseCode: g,
        grades: CEDS_GRADE[g],
        orgSourcedId: org,
      })),
    ),
    'classes.csv': csv(
      'classes',
      classes.map((e) => ({
        sourcedId: sourcedIds.class(school, year, e.grade, e.section),
        title: `${e.grade} ${e.section}`,
        grades: CEDS_GRADE[e.grade],
        courseSourcedId: sourcedIds.course(school, year, e.grade),
        classCode: `${e.grade}-${e.section}`,
        classType: 'homeroom',
        schoolSourcedId: org,
        termSourcedIds: session,
      })),
    ),
    'users.csv': csv(
      'users',
      roster.map((e) => {
        const p = pupils.get(e.nin);
        return {
          sourcedId: sourcedIds.user(e.nin),
          enabledUser: 'true',
          username: e.nin,
          userIds: `{NIN:${e.nin}}`,
          givenName: p?.givenName ?? '',
          familyName: p?.familyName ?? '',
          identifier: e.nin,
          grades: CEDS_GRADE[e.grade],
          userMasterIdentifier: e.nin,
          primaryOrgSourcedId: org,
        };
      }),
    ),
    'roles.csv': csv(
      'roles',
      roster.map((e) => ({
        sourcedId: `role-${e.id}`,
        userSourcedId: sourcedIds.user(e.nin),
        roleType: 'primary',
        role: 'student',
        beginDate: e.startDate,
        orgSourcedId: org,
      })),
    ),
    'enrollments.csv': csv(
      'enrollments',
      roster.map((e) => ({
        sourcedId: sourcedIds.enrollment(e),
        classSourcedId: sourcedIds.class(school, year, e.grade, e.section),
        schoolSourcedId: org,
        userSourcedId: sourcedIds.user(e.nin),
        role: 'student',
        // OneRoster's `primary` marks a class's main teacher; a student's enrollment is false.
        primary: 'false',
        beginDate: e.startDate,
      })),
    ),
  };
  const manifest = stringify(
    [
      ['manifest.version', '1.0'],
      ['oneroster.version', '1.2'],
      ...(
        [
          'academicSessions',
          'categories',
          'classes',
          'classResources',
          'courses',
          'courseResources',
          'demographics',
          'enrollments',
          'lineItemLearningObjectiveIds',
          'lineItems',
          'lineItemScoreScales',
          'orgs',
          'resources',
          'resultLearningObjectiveIds',
          'results',
          'resultScoreScales',
          'roles',
          'scoreScales',
          'userProfiles',
          'userResources',
          'users',
        ] as const
      ).map((f) => [`file.${f}`, `${f}.csv` in files ? 'bulk' : 'absent']),
      ['source.systemName', 'e-commune graph'],
      ['source.systemCode', 'e-commune-education'],
    ],
    { header: true, columns: ['propertyName', 'value'], record_delimiter: '\r\n' },
  );
  return [
    { name: 'manifest.csv', content: manifest },
    ...Object.entries(files).map(([name, content]) => ({ name, content })),
  ];
}
