/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type ApplicationReason = 'DAMAGE' | 'FIRST' | 'LOSS' | 'RENEWAL' | 'THEFT';

/** SUBMITTED → UNDER_REVIEW → APPROVED or REJECTED → IN_PRODUCTION → READY → DELIVERED; CANCELLED before production. */
export type ApplicationStatus =
  | 'APPROVED'
  | 'CANCELLED'
  | 'DELIVERED'
  | 'IN_PRODUCTION'
  | 'READY'
  | 'REJECTED'
  | 'SUBMITTED'
  | 'UNDER_REVIEW';

/** Certificates a citizen requests online, at the kiosk or at a counter; the guide (certificateProcedures) says what each needs. */
export type CertificateType =
  | 'BIRTH_EXTRACT'
  | 'CERTIFICATE_OF_LIFE'
  | 'FAMILY_RECORD'
  | 'MARITAL_STATUS_CERTIFICATE'
  | 'NON_REMARRIAGE_CERTIFICATE'
  | 'RESIDENCE_CERTIFICATE';

/** Move an application one step in its workflow. */
export type ChangeApplicationStatusInput = {
  /** The version you read: if someone changed it since, you get a CONFLICT. */
  expectedVersion: number;
  number: string;
  /** Why: required to reject or cancel. */
  reason?: string | null | undefined;
  /** The new status; only the workflow’s next steps are accepted. */
  status: ApplicationStatus;
};

export type DocumentStatus = 'ACTIVE' | 'EXPIRED' | 'LOST' | 'REPLACED' | 'REVOKED' | 'STOLEN';

/** Secure documents produced by the Interior ministry. */
export type DocumentType = 'DRIVING_LICENCE' | 'NATIONAL_ID_CARD' | 'PASSPORT';

/** Driving-licence categories. */
export type DrivingCategory = 'A' | 'A1' | 'B' | 'BE' | 'C' | 'C1' | 'CE' | 'D';

/** VALID; REVOKED (a later act changed its facts: ask for a new one); EXPIRED; ALTERED (a character changed: the signature or a disclosure does not match); FORGED (not an extract signed with a published key). */
export type ExtractVerdict = 'ALTERED' | 'EXPIRED' | 'FORGED' | 'REVOKED' | 'VALID';

/** A citizens' request, filed signed in or at the kiosk. */
export type FileHygieneRequestInput = {
  category: HygieneRequestCategory;
  /** The commune whose hygiene office it is for. */
  communeCode: string;
  /** A mobile number for the SMS at closing and to follow the request. Required at the kiosk (no account). */
  contactPhone?: string | null | undefined;
  /** The establishment reported, if any (its operator never sees who reported it). */
  establishmentId?: string | null | undefined;
  /** A fresh key per filing: a retry with it files nothing new. */
  idempotencyKey: string;
  /** Where: a street, a landmark (1 to 200 characters). */
  place: string;
  /** What is wrong (1 to 2000 characters). */
  text: string;
};

/** What a request is about; each category has its own deadline. */
export type HygieneRequestCategory =
  | 'NOISE'
  | 'OTHER'
  | 'PUBLIC_LIGHTING'
  | 'STRAY_ANIMALS'
  | 'UNSANITARY_PREMISES'
  | 'WASTE_NOT_COLLECTED'
  | 'WATER_LEAK';

/** FILED → ASSIGNED → IN_PROGRESS → RESOLVED; REJECTED from any open status. RESOLVED and REJECTED close it, with a justification, and tell the requester by SMS. */
export type HygieneRequestStatus = 'ASSIGNED' | 'FILED' | 'IN_PROGRESS' | 'REJECTED' | 'RESOLVED';

/** Civil status (état matrimonial). */
export type MaritalStatus = 'DIVORCED' | 'MARRIED' | 'SINGLE' | 'WIDOWED';

/** Sex as recorded in the civil registry. */
export type Sex = 'FEMALE' | 'MALE';

/** An application taken at a counter: who, for what, and why. */
export type SubmitApplicationInput = {
  /** Driving licence only: the categories asked for. */
  categories?: Array<DrivingCategory> | null | undefined;
  /** Mobile number for the SMS when the document is ready: 05, 06 or 07 then 8 digits. */
  contactPhone: string;
  /** The counter's commune; defaults to the agent's own. */
  counterCommuneCode?: string | null | undefined;
  /** A key unique to this application (a UUID): a retry never files it twice. */
  idempotencyKey: string;
  /** The applicant's NIN; the registry is consulted, nothing is typed in. */
  nin: string;
  reason: ApplicationReason;
  type: DocumentType;
};

export type VehicleStatus = 'ACTIVE' | 'SCRAPPED' | 'STOLEN';

export type MyRecordQueryVariables = Exact<{ [key: string]: never }>;

export type MyRecordQuery = {
  me: {
    nin: string;
    givenNameAr: string;
    familyNameAr: string;
    givenNameLat: string;
    familyNameLat: string;
    sex: Sex;
    birthDate: string;
    maritalStatus: MaritalStatus;
    birthCommune: { code: string; nameAr: string; nameFr: string } | null;
    documents: {
      nodes: Array<{
        number: string;
        type: DocumentType;
        issueDate: string;
        expiryDate: string;
        status: DocumentStatus;
      }>;
    };
    vehicles: {
      nodes: Array<{
        vin: string;
        plate: string;
        make: string;
        model: string;
        year: number;
        status: VehicleStatus;
      }>;
    };
    applications: {
      nodes: Array<{
        number: string;
        type: DocumentType;
        status: ApplicationStatus;
        submittedAt: string;
        rejectionReason: string | null;
        history: Array<{
          fromStatus: ApplicationStatus | null;
          toStatus: ApplicationStatus;
          actorKind: string;
          reason: string | null;
          at: string;
        }>;
      }>;
    };
    hygieneRequests: {
      nodes: Array<{
        number: string;
        category: HygieneRequestCategory;
        place: string;
        status: HygieneRequestStatus;
        filedAt: string;
        justification: string | null;
        history: Array<{ toStatus: HygieneRequestStatus; note: string | null; at: string }>;
      }>;
    };
  } | null;
};

export type MyConsultationsQueryVariables = Exact<{ [key: string]: never }>;

export type MyConsultationsQuery = {
  me: {
    nin: string;
    consultations: {
      nodes: Array<{
        at: string;
        principalKind: string;
        ministry: string | null;
        communeCode: string | null;
        groups: Array<string>;
        purpose: string;
        outcome: string;
      }>;
    };
  } | null;
};

export type IssueBirthExtractMutationVariables = Exact<{
  nin: string;
}>;

export type IssueBirthExtractMutation = {
  issueBirthExtract: {
    credential: string;
    code: string;
    actNumber: string;
    expiresAt: string;
    disclosableFields: Array<string>;
  };
};

export type ApplicationQueueQueryVariables = Exact<{
  status?: ApplicationStatus | null | undefined;
}>;

export type ApplicationQueueQuery = {
  applicationQueue: {
    nodes: Array<{
      number: string;
      type: DocumentType;
      reason: ApplicationReason;
      status: ApplicationStatus;
      version: number;
      submittedAt: string;
      updatedAt: string;
      applicant: {
        nin: string;
        givenNameAr: string;
        familyNameAr: string;
        givenNameLat: string;
        familyNameLat: string;
        birthDate: string;
      };
    }>;
  };
};

export type ChangeApplicationStatusMutationVariables = Exact<{
  input: ChangeApplicationStatusInput;
}>;

export type ChangeApplicationStatusMutation = {
  changeApplicationStatus: {
    number: string;
    status: ApplicationStatus;
    version: number;
    rejectionReason: string | null;
  };
};

export type SubmitApplicationMutationVariables = Exact<{
  input: SubmitApplicationInput;
}>;

export type SubmitApplicationMutation = {
  submitApplication: {
    trackingCode: string | null;
    replayed: boolean;
    application: { number: string; type: DocumentType; status: ApplicationStatus };
  };
};

export type DashboardFiguresQueryVariables = Exact<{
  from: string;
  to: string;
}>;

export type DashboardFiguresQuery = {
  documentStatistics: Array<{ type: DocumentType; wilayaCode: string; count: number }>;
  consultationStatistics: Array<{
    principalKind: string;
    ministry: string | null;
    consultations: number;
    distinctCitizens: number;
    refused: number;
  }>;
  consultationsByWilaya: Array<{
    wilayaCode: string;
    consultations: number;
    distinctCitizens: number;
  }>;
  wilayas: Array<{ code: string; nameAr: string; nameFr: string }>;
};

export type PrintableBirthExtractQueryVariables = Exact<{
  presentation: string;
}>;

export type PrintableBirthExtractQuery = {
  printableBirthExtract: { html: string; code: string; printedFields: Array<string> };
};

export type MyHistoryQueryVariables = Exact<{
  after?: string | null | undefined;
}>;

export type MyHistoryQuery = {
  me: {
    nin: string;
    history: {
      edges: Array<{
        node: {
          key: string;
          at: string;
          domain: string;
          kind: string;
          itemId: string;
          title: string;
          status: string | null;
        };
      }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    } | null;
  } | null;
};

export type ProceduresQueryVariables = Exact<{ [key: string]: never }>;

export type ProceduresQuery = {
  procedures: Array<{
    type: DocumentType;
    title: string;
    titleAr: string;
    piecesRequired: Array<string>;
    feeDzd: number;
    typicalDelayDays: number;
    whereToApply: string;
    minimumAge: number;
    validityYears: number;
  }>;
};

export type CertificateProceduresQueryVariables = Exact<{ [key: string]: never }>;

export type CertificateProceduresQuery = {
  certificateProcedures: Array<{
    type: CertificateType;
    title: string;
    titleAr: string;
    piecesRequired: Array<string>;
    feeDzd: number;
    typicalDelayDays: number;
    whereToApply: string;
  }>;
};

export type TrackApplicationQueryVariables = Exact<{
  number: string;
  trackingCode: string;
  birthDate: string;
}>;

export type TrackApplicationQuery = {
  trackApplication: {
    number: string;
    type: DocumentType;
    status: ApplicationStatus;
    updatedAt: string;
  } | null;
};

export type VerifyDocumentQueryVariables = Exact<{
  number: string;
}>;

export type VerifyDocumentQuery = {
  verifyDocument: {
    number: string;
    valid: boolean;
    reason: string;
    type: DocumentType | null;
    expiryDate: string | null;
  };
};

export type VerifyExtractQueryVariables = Exact<{
  presentation: string;
}>;

export type VerifyExtractQuery = {
  verifyExtract: {
    verdict: ExtractVerdict;
    actNumber: string | null;
    code: string | null;
    issuedOn: string | null;
    disclosed: Array<{ name: string; value: string }>;
  };
};

export type FileHygieneRequestMutationVariables = Exact<{
  input: FileHygieneRequestInput;
}>;

export type FileHygieneRequestMutation = {
  fileHygieneRequest: {
    number: string;
    status: HygieneRequestStatus;
    deadline: string;
    replayed: boolean;
  };
};

export const MyRecordDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'MyRecord' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'me' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'nin' } },
                { kind: 'Field', name: { kind: 'Name', value: 'givenNameAr' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyNameAr' } },
                { kind: 'Field', name: { kind: 'Name', value: 'givenNameLat' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyNameLat' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sex' } },
                { kind: 'Field', name: { kind: 'Name', value: 'birthDate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'maritalStatus' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'birthCommune' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'nameAr' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'nameFr' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'documents' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'first' },
                      value: { kind: 'IntValue', value: '20' },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'nodes' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'issueDate' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'expiryDate' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'vehicles' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'first' },
                      value: { kind: 'IntValue', value: '20' },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'nodes' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'vin' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'plate' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'make' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'model' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'year' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'applications' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'first' },
                      value: { kind: 'IntValue', value: '20' },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'nodes' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'rejectionReason' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'history' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'fromStatus' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'toStatus' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'actorKind' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'hygieneRequests' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'first' },
                      value: { kind: 'IntValue', value: '20' },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'nodes' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'category' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'place' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'filedAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'justification' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'history' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'toStatus' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'note' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MyRecordQuery, MyRecordQueryVariables>;
export const MyConsultationsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'MyConsultations' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'me' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'nin' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'consultations' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'first' },
                      value: { kind: 'IntValue', value: '50' },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'nodes' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'principalKind' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'ministry' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'communeCode' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'groups' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'purpose' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'outcome' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MyConsultationsQuery, MyConsultationsQueryVariables>;
export const IssueBirthExtractDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'IssueBirthExtract' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'nin' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'issueBirthExtract' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'nin' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'nin' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'credential' } },
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'actNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'disclosableFields' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<IssueBirthExtractMutation, IssueBirthExtractMutationVariables>;
export const ApplicationQueueDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ApplicationQueue' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'status' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ApplicationStatus' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'applicationQueue' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'IntValue', value: '50' },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'status' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'status' } },
                    },
                  ],
                },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'nodes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'applicant' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'nin' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'givenNameAr' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'familyNameAr' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'givenNameLat' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'familyNameLat' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'birthDate' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ApplicationQueueQuery, ApplicationQueueQueryVariables>;
export const ChangeApplicationStatusDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ChangeApplicationStatus' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: {
              kind: 'NamedType',
              name: { kind: 'Name', value: 'ChangeApplicationStatusInput' },
            },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'changeApplicationStatus' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                { kind: 'Field', name: { kind: 'Name', value: 'rejectionReason' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<
  ChangeApplicationStatusMutation,
  ChangeApplicationStatusMutationVariables
>;
export const SubmitApplicationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SubmitApplication' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'SubmitApplicationInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'submitApplication' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'trackingCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'replayed' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'application' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SubmitApplicationMutation, SubmitApplicationMutationVariables>;
export const DashboardFiguresDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'DashboardFigures' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'LocalDate' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'LocalDate' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'documentStatistics' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'from' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'to' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                { kind: 'Field', name: { kind: 'Name', value: 'wilayaCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'count' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'consultationStatistics' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'from' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'to' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'principalKind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ministry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'consultations' } },
                { kind: 'Field', name: { kind: 'Name', value: 'distinctCitizens' } },
                { kind: 'Field', name: { kind: 'Name', value: 'refused' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'consultationsByWilaya' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'from' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'to' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'wilayaCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'consultations' } },
                { kind: 'Field', name: { kind: 'Name', value: 'distinctCitizens' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'wilayas' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nameAr' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nameFr' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DashboardFiguresQuery, DashboardFiguresQueryVariables>;
export const PrintableBirthExtractDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PrintableBirthExtract' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'presentation' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'printableBirthExtract' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'presentation' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'presentation' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'html' } },
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'printedFields' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PrintableBirthExtractQuery, PrintableBirthExtractQueryVariables>;
export const MyHistoryDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'MyHistory' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'me' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'nin' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'history' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'first' },
                      value: { kind: 'IntValue', value: '20' },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'after' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'edges' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'node' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'key' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'domain' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'itemId' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'pageInfo' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MyHistoryQuery, MyHistoryQueryVariables>;
export const ProceduresDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Procedures' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'procedures' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                { kind: 'Field', name: { kind: 'Name', value: 'titleAr' } },
                { kind: 'Field', name: { kind: 'Name', value: 'piecesRequired' } },
                { kind: 'Field', name: { kind: 'Name', value: 'feeDzd' } },
                { kind: 'Field', name: { kind: 'Name', value: 'typicalDelayDays' } },
                { kind: 'Field', name: { kind: 'Name', value: 'whereToApply' } },
                { kind: 'Field', name: { kind: 'Name', value: 'minimumAge' } },
                { kind: 'Field', name: { kind: 'Name', value: 'validityYears' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ProceduresQuery, ProceduresQueryVariables>;
export const CertificateProceduresDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CertificateProcedures' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'certificateProcedures' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                { kind: 'Field', name: { kind: 'Name', value: 'titleAr' } },
                { kind: 'Field', name: { kind: 'Name', value: 'piecesRequired' } },
                { kind: 'Field', name: { kind: 'Name', value: 'feeDzd' } },
                { kind: 'Field', name: { kind: 'Name', value: 'typicalDelayDays' } },
                { kind: 'Field', name: { kind: 'Name', value: 'whereToApply' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CertificateProceduresQuery, CertificateProceduresQueryVariables>;
export const TrackApplicationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'TrackApplication' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'number' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'trackingCode' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'birthDate' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'LocalDate' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'trackApplication' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'number' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'number' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'trackingCode' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'trackingCode' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'birthDate' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'birthDate' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TrackApplicationQuery, TrackApplicationQueryVariables>;
export const VerifyDocumentDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'VerifyDocument' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'number' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'verifyDocument' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'number' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'number' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                { kind: 'Field', name: { kind: 'Name', value: 'valid' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiryDate' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<VerifyDocumentQuery, VerifyDocumentQueryVariables>;
export const VerifyExtractDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'VerifyExtract' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'presentation' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'verifyExtract' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'presentation' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'presentation' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'verdict' } },
                { kind: 'Field', name: { kind: 'Name', value: 'actNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'issuedOn' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'disclosed' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<VerifyExtractQuery, VerifyExtractQueryVariables>;
export const FileHygieneRequestDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'FileHygieneRequest' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'FileHygieneRequestInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'fileHygieneRequest' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'deadline' } },
                { kind: 'Field', name: { kind: 'Name', value: 'replayed' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<FileHygieneRequestMutation, FileHygieneRequestMutationVariables>;
