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
  LEASES:
    "leases of a commune's assets held by the person, with rents, payments, arrears and formal notices (patrimony subgraph)",
  CASES:
    'disputes in which a commune is a party and the person the opposing party (disputes subgraph)',
  CIVIL_ACTS:
    'civil acts (birth, marriage, death) drawn up for the person, with their marginal notes',
  CERTIFICATES:
    'certificates the person requested (online, at the kiosk or at a counter) and their decisions',
  HYGIENE:
    'establishments a person operates, and requests they filed with the hygiene office (hygiene subgraph)',
  ASSOCIATIONS: 'associations a person founded or whose board they sit on (associations subgraph)',
  CONSULTATIONS: 'who consulted this record: the citizen alone',
  HISTORY:
    "the citizen's administrative history gathered from every service (acts, documents, vehicles, requests): the citizen alone",
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
      'CIVIL_ACTS',
      'CERTIFICATES',
    ],
  },
  IDENTITY_DOCUMENT_ISSUANCE: {
    description: 'Producing passports, identity cards and driving licences',
    groups: ['IDENTITY', 'FILIATION', 'CIVIL_STATUS', 'DEATH', 'DOCUMENTS', 'APPLICATIONS'],
  },
  JUDICIAL_PROCEEDINGS: {
    description: 'Courts and prosecution in a case naming the person',
    groups: [
      'IDENTITY',
      'FILIATION',
      'CIVIL_STATUS',
      'DEATH',
      'DOCUMENTS',
      'VEHICLES',
      'CASES',
      'CIVIL_ACTS',
    ],
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
    groups: ['IDENTITY', 'FILIATION', 'CIVIL_STATUS', 'DEATH', 'DOCUMENTS', 'CIVIL_ACTS'],
  },
  CIVIL_REGISTRATION: {
    description: 'Recording births, marriages and deaths at the civil-status office of a commune',
    groups: ['IDENTITY', 'FILIATION', 'CIVIL_STATUS', 'DEATH', 'CIVIL_ACTS'],
  },
  COUNTER_SERVICE: {
    description: "Taking and deciding a citizen's application at a commune counter",
    groups: [
      'IDENTITY',
      'FILIATION',
      'CIVIL_STATUS',
      'DEATH',
      'DOCUMENTS',
      'APPLICATIONS',
      'CIVIL_ACTS',
      'CERTIFICATES',
    ],
  },
  POLICE_INVESTIGATION: {
    description: 'Police work: stolen vehicles, checks of identity and documents',
    groups: ['IDENTITY', 'DEATH', 'DOCUMENTS', 'VEHICLES'],
  },
  PATRIMONY_MANAGEMENT: {
    description:
      "Managing a commune's assets: leasing them, collecting rents, issuing formal notices to defaulting tenants",
    groups: ['IDENTITY', 'DEATH', 'LEASES'],
  },
  COMMUNE_LITIGATION: {
    description: 'Conducting the cases in which a commune is a party, lease arrears among them',
    groups: ['IDENTITY', 'DEATH', 'LEASES', 'CASES'],
  },
  LOCAL_GOVERNMENT_OVERSIGHT: {
    description:
      "The Interior ministry's oversight (tutelle) of the communes: their contracts and their litigation",
    groups: ['IDENTITY', 'LEASES', 'CASES'],
  },
  PUBLIC_REVENUE_COLLECTION: {
    description:
      "The public treasurer's collection of a commune's revenues: rents due and who owes them",
    groups: ['IDENTITY', 'LEASES'],
  },
  PUBLIC_HYGIENE: {
    description:
      "A commune's hygiene office: inspecting establishments, water and campaigns, handling citizens' requests",
    groups: ['IDENTITY', 'DEATH', 'HYGIENE'],
  },
  ASSOCIATIONS_REGISTRY: {
    description:
      'Declaring, registering and following associations at a commune (founders, boards)',
    groups: ['IDENTITY', 'DEATH', 'ASSOCIATIONS'],
  },
  PUBLIC_HEALTH_SURVEILLANCE: {
    description:
      'Public health watch over inspections and drinking water; reads no person (no field group)',
    groups: [],
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
    purposes: [
      'CIVIL_STATUS_ADMINISTRATION',
      'IDENTITY_DOCUMENT_ISSUANCE',
      'LOCAL_GOVERNMENT_OVERSIGHT',
    ],
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
    purposes: ['SOCIAL_SECURITY_ENTITLEMENT', 'HEALTH_CARE', 'PUBLIC_HEALTH_SURVEILLANCE'],
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
    purposes: ['TAX_ASSESSMENT', 'PUBLIC_REVENUE_COLLECTION'],
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

/**
 * A commune's services, whose agents act for it: the counter (guichet), the civil-status
 * office, and the services that run the commune's own applications. Each states only its
 * own purposes, and every agent acts within its own commune (reach OWN_COMMUNE). A service
 * whose subgraph has not landed yet states no purpose: it reads nothing NIN-linked.
 */
export const AGENT_SERVICES = {
  COUNTER: {
    label: 'Counter (guichet électronique): applications, births declared at the counter, vehicles',
    purposes: ['CIVIL_REGISTRATION', 'COUNTER_SERVICE', 'VEHICLE_REGISTRATION'],
    distinctNinsPerWindow: 500,
    reach: 'OWN_COMMUNE',
  },
  CIVIL_STATUS: {
    label: 'Civil-status office (état civil): births, marriages, deaths, extracts',
    purposes: ['CIVIL_REGISTRATION', 'COUNTER_SERVICE'],
    distinctNinsPerWindow: 500,
    reach: 'OWN_COMMUNE',
  },
  PATRIMONY: {
    label: "The commune's patrimony: assets, leases, rents",
    purposes: ['PATRIMONY_MANAGEMENT'],
    distinctNinsPerWindow: 500,
    reach: 'OWN_COMMUNE',
  },
  HYGIENE: {
    label: 'Hygiene office: inspections, citizens’ requests',
    purposes: ['PUBLIC_HYGIENE'],
    distinctNinsPerWindow: 500,
    reach: 'OWN_COMMUNE',
  },
  ASSOCIATIONS: {
    label: 'Associations registry',
    purposes: ['ASSOCIATIONS_REGISTRY'],
    distinctNinsPerWindow: 500,
    reach: 'OWN_COMMUNE',
  },
  LEGAL_AFFAIRS: {
    label: 'Legal affairs: the cases in which the commune is a party',
    purposes: ['COMMUNE_LITIGATION'],
    distinctNinsPerWindow: 500,
    reach: 'OWN_COMMUNE',
  },
} as const satisfies Record<string, PrincipalPolicy>;
export type AgentService = keyof typeof AGENT_SERVICES;

/** The service of an agent whose token names none: every counter token issued before services. */
export const DEFAULT_AGENT_SERVICE: AgentService = 'COUNTER';
export const isAgentService = (name: string): name is AgentService =>
  Object.hasOwn(AGENT_SERVICES, name);

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

/**
 * The services whose agents draw up marriages and deaths (and correct acts): the
 * civil-status office alone. Births are also declared at the counter (registerBirth).
 */
export const CIVIL_ACT_SERVICES: readonly AgentService[] = ['CIVIL_STATUS'];

/**
 * The services whose agents approve or refuse certificate requests (they sign what the
 * registry says): the civil-status office alone. Any agent whose purpose covers the
 * CERTIFICATES group files a request at the counter on a citizen's behalf.
 */
export const CERTIFICATE_DECISION_SERVICES: readonly AgentService[] = ['CIVIL_STATUS'];

/** Purposes under which a service reports a vehicle stolen or recovered (besides its owner). */
export const THEFT_REPORT_PURPOSES: readonly Purpose[] = ['POLICE_INVESTIGATION'];

/** Purposes under which a commune's own agents change its assets, leases and notices. */
export const PATRIMONY_WRITE_PURPOSES: readonly Purpose[] = ['PATRIMONY_MANAGEMENT'];

/** Purposes under which a commune's own agents open and conduct its cases. */
export const LITIGATION_WRITE_PURPOSES: readonly Purpose[] = ['COMMUNE_LITIGATION'];
/**
 * Purposes under which the hygiene office's records that name no person are read
 * (establishments without their operator, inspections, water samples, campaigns): the
 * office itself within its commune, and Health's public-health watch nationally.
 */
export const HYGIENE_RECORD_PURPOSES: readonly Purpose[] = [
  'PUBLIC_HYGIENE',
  'PUBLIC_HEALTH_SURVEILLANCE',
];

/** Purposes under which a commune service's figures are read (its own commune, or any for a ministry). */
export const HYGIENE_FIGURES_PURPOSES: readonly Purpose[] = [
  'PUBLIC_HYGIENE',
  'PUBLIC_HEALTH_SURVEILLANCE',
  'LOCAL_GOVERNMENT_OVERSIGHT',
];
export const ASSOCIATIONS_FIGURES_PURPOSES: readonly Purpose[] = [
  'ASSOCIATIONS_REGISTRY',
  'LOCAL_GOVERNMENT_OVERSIGHT',
];

/** The quota window over which distinct NINs are counted. */
export const QUOTA_WINDOW_SECONDS = 3600;

export const isMinistry = (name: string): name is Ministry => Object.hasOwn(MINISTRIES, name);
export const isPurpose = (name: string): name is Purpose => Object.hasOwn(PURPOSES, name);
