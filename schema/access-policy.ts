/**
 * Who may read what about a citizen, and why: the one access policy of the graph.
 *
 * A citizen's record is split into field groups. A ministry states a purpose (the legal
 * basis of its request) in the X-Purpose header; it may read a group when that purpose is
 * one the ministry may invoke and the purpose covers the group. Commune agents work the
 * same way with the counters' purposes, within their commune. A citizen reads their own
 * record without stating a purpose. Anonymous callers read reference data only.
 *
 * Every subgraph builds its graphql-shield rules from this file, and `npm run policy:docs`
 * prints it as the table in docs/access-policy.md. No ministry is named anywhere else.
 */

export const FIELD_GROUPS = {
  IDENTITY: 'NIN, names in Arabic and Latin script, sex, date and commune of birth',
  FILIATION: 'father, mother and children',
  CIVIL_STATUS: 'marital status',
  DEATH: 'date of death',
  DOCUMENTS: 'passports, identity cards and driving licences (documents subgraph)',
  VEHICLES: 'vehicles and registration cards (vehicles subgraph)',
  APPLICATIONS: 'applications made at commune counters (documents subgraph)',
  CONSULTATIONS: 'who consulted this record: the citizen alone',
  SCHOOLING: 'enrolments in schools, grades, classes and results (education subgraph)',
} as const;
export type FieldGroup = keyof typeof FIELD_GROUPS;

export interface PurposeDefinition {
  description: string;
  groups: readonly FieldGroup[];
}

/** Legal bases a caller can state, and the field groups each one justifies. */
export const PURPOSES = {
  CIVIL_STATUS_ADMINISTRATION: {
    description: 'Keeping the civil registry and the national identity system',
    groups: [
      'IDENTITY',
      'FILIATION',
      'CIVIL_STATUS',
      'DEATH',
      'DOCUMENTS',
      'VEHICLES',
      'APPLICATIONS',
    ],
  },
  IDENTITY_DOCUMENT_ISSUANCE: {
    description: 'Producing passports, identity cards and driving licences',
    groups: ['IDENTITY', 'FILIATION', 'CIVIL_STATUS', 'DEATH', 'DOCUMENTS', 'APPLICATIONS'],
  },
  JUDICIAL_PROCEEDINGS: {
    description: 'Courts and prosecution in a case naming the person',
    groups: ['IDENTITY', 'FILIATION', 'CIVIL_STATUS', 'DEATH', 'DOCUMENTS', 'VEHICLES'],
  },
  CRIMINAL_RECORD: {
    description: 'Keeping and issuing the criminal record (casier judiciaire)',
    groups: ['IDENTITY', 'FILIATION'],
  },
  SOCIAL_SECURITY_ENTITLEMENT: {
    description: 'Rights to social security, pensions and family allowances',
    groups: ['IDENTITY', 'FILIATION', 'CIVIL_STATUS', 'DEATH'],
  },
  HEALTH_CARE: {
    description: 'Identifying a patient in public health care',
    groups: ['IDENTITY', 'DEATH'],
  },
  SCHOOL_ENROLMENT: {
    // DEATH: enrolling checks in the registry that the pupil is alive.
    description: 'Enrolling a pupil and following their schooling',
    groups: ['IDENTITY', 'FILIATION', 'DEATH', 'SCHOOLING'],
  },
  VEHICLE_REGISTRATION: {
    description: 'Registering vehicles and transfers of ownership',
    groups: ['IDENTITY', 'DEATH', 'VEHICLES'],
  },
  DRIVING_LICENCE: {
    description: 'Issuing and checking driving licences',
    groups: ['IDENTITY', 'DEATH', 'DOCUMENTS'],
  },
  TAX_ASSESSMENT: {
    description: 'Assessing taxes and duties',
    groups: ['IDENTITY', 'CIVIL_STATUS', 'DEATH', 'VEHICLES'],
  },
  CONSULAR_SERVICES: {
    description: 'Services to citizens abroad',
    groups: ['IDENTITY', 'FILIATION', 'CIVIL_STATUS', 'DEATH', 'DOCUMENTS'],
  },
  CIVIL_REGISTRATION: {
    description: 'Recording births, marriages and deaths at the civil-status office of a commune',
    groups: ['IDENTITY', 'FILIATION', 'CIVIL_STATUS', 'DEATH'],
  },
  COUNTER_SERVICE: {
    description: "Taking and deciding a citizen's application at a commune counter",
    groups: ['IDENTITY', 'FILIATION', 'CIVIL_STATUS', 'DEATH', 'DOCUMENTS', 'APPLICATIONS'],
  },
  POLICE_INVESTIGATION: {
    description: 'Police work: stolen vehicles, checks of identity and documents',
    groups: ['IDENTITY', 'DEATH', 'DOCUMENTS', 'VEHICLES'],
  },
} as const satisfies Record<string, PurposeDefinition>;
export type Purpose = keyof typeof PURPOSES;

/**
 * How far a principal's reads reach. NATIONAL: any record the purpose covers. OWN_COMMUNE:
 * lists, links and references reach only records of the principal's commune (the person
 * was born there, or the record was made there); a record the caller names by its key
 * (a NIN, a VIN, an application number typed at the counter) is reachable anywhere,
 * because a citizen may apply at any commune's counter. OWN_SCHOOLS (integrators): records
 * of the schools named in the caller's token, or of a wilaya's schools; a key the caller
 * names reaches nothing by itself (an integrator is no counter where anyone may apply).
 */
export type Reach = 'NATIONAL' | 'OWN_COMMUNE' | 'OWN_SCHOOLS';

export interface PrincipalPolicy {
  label: string;
  purposes: readonly Purpose[];
  reach: Reach;
  /** Distinct NINs one client may resolve per quota window. */
  distinctNinsPerWindow: number;
  /** May read consultation statistics of every ministry, not only its own. */
  readsAllStatistics?: boolean;
}

export const MINISTRIES = {
  INTERIOR: {
    label: 'Interior, local authorities and territorial planning',
    purposes: ['CIVIL_STATUS_ADMINISTRATION', 'IDENTITY_DOCUMENT_ISSUANCE'],
    distinctNinsPerWindow: 20_000,
    reach: 'NATIONAL',
    readsAllStatistics: true,
  },
  JUSTICE: {
    label: 'Justice',
    purposes: ['JUDICIAL_PROCEEDINGS', 'CRIMINAL_RECORD'],
    distinctNinsPerWindow: 5_000,
    reach: 'NATIONAL',
  },
  HEALTH: {
    label: 'Health and social security',
    purposes: ['SOCIAL_SECURITY_ENTITLEMENT', 'HEALTH_CARE'],
    distinctNinsPerWindow: 10_000,
    reach: 'NATIONAL',
  },
  EDUCATION: {
    label: 'National education',
    purposes: ['SCHOOL_ENROLMENT'],
    distinctNinsPerWindow: 10_000,
    reach: 'NATIONAL',
  },
  TRANSPORT: {
    label: 'Transport',
    purposes: ['VEHICLE_REGISTRATION', 'DRIVING_LICENCE'],
    distinctNinsPerWindow: 5_000,
    reach: 'NATIONAL',
  },
  FINANCE: {
    label: 'Finance',
    purposes: ['TAX_ASSESSMENT'],
    distinctNinsPerWindow: 5_000,
    reach: 'NATIONAL',
  },
  FOREIGN_AFFAIRS: {
    label: 'Foreign affairs',
    purposes: ['CONSULAR_SERVICES'],
    distinctNinsPerWindow: 2_000,
    reach: 'NATIONAL',
  },
  NATIONAL_SECURITY: {
    label: 'Sûreté nationale (police), under the Interior ministry',
    purposes: ['POLICE_INVESTIGATION'],
    distinctNinsPerWindow: 5_000,
    reach: 'NATIONAL',
  },
} as const satisfies Record<string, PrincipalPolicy>;
export type Ministry = keyof typeof MINISTRIES;

/** Commune agents: the counters' purposes, acting within their own commune. */
export const AGENTS: PrincipalPolicy = {
  label: 'Agent of a commune (guichet, civil-status office)',
  purposes: ['CIVIL_REGISTRATION', 'COUNTER_SERVICE', 'VEHICLE_REGISTRATION'],
  distinctNinsPerWindow: 500,
  reach: 'OWN_COMMUNE',
};

/**
 * E-education integrators: the school-management software of some schools, or of a wilaya's
 * education directorate, scoped in its token (see Principal). They enrol pupils and keep
 * rosters in sync, within their schools only.
 */
export const INTEGRATORS: PrincipalPolicy = {
  label: 'E-education integrator (school-management software of schools or a directorate)',
  purposes: ['SCHOOL_ENROLMENT'],
  // A bulk of 500 pupils reads up to 1,500 NINs (each pupil and their parents).
  distinctNinsPerWindow: 20_000,
  reach: 'OWN_SCHOOLS',
};

/** Citizens read every group of their own record, and nothing of anyone else's. */
export const CITIZEN_OWN_GROUPS: readonly FieldGroup[] = Object.keys(FIELD_GROUPS) as FieldGroup[];

/** What a parent reads of their minor child's records (the child's enrolments name the parents). */
export const GUARDIAN_GROUPS: readonly FieldGroup[] = ['SCHOOLING'];

/** Purposes under which a ministry runs document production (moves applications to IN_PRODUCTION, READY). */
export const PRODUCTION_PURPOSES: readonly Purpose[] = ['IDENTITY_DOCUMENT_ISSUANCE'];

/** Purposes under which a service reports a vehicle stolen or recovered (besides its owner). */
export const THEFT_REPORT_PURPOSES: readonly Purpose[] = ['POLICE_INVESTIGATION'];

/** The quota window over which distinct NINs are counted. */
export const QUOTA_WINDOW_SECONDS = 3600;

export const isMinistry = (name: string): name is Ministry => Object.hasOwn(MINISTRIES, name);
export const isPurpose = (name: string): name is Purpose => Object.hasOwn(PURPOSES, name);
