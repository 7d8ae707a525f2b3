import { CERTIFICATE_TYPES } from '../../db/tables/citizens.js';

export { CERTIFICATE_TYPES };
export type CertificateTypeName = (typeof CERTIFICATE_TYPES)[number];

/**
 * The guide of certificates (as on the Berkane annex's kiosk): for each certificate the
 * pieces the citizen brings or the office checks, the usual delay and the fee, and which
 * facts of the registry it states. What the registry already holds (the birth act, the
 * marital status, the children) is read from it, never asked for on paper.
 */
export interface CertificateProcedureData {
  type: CertificateTypeName;
  title: string;
  titleAr: string;
  piecesRequired: string[];
  feeDzd: number;
  /** Usual working days from the request to a signed certificate. */
  typicalDelayDays: number;
  whereToApply: string;
}

const ONLINE =
  'Online from your account, at the kiosk of a commune annex, or at any counter (an agent files it for you)';

export const CERTIFICATE_PROCEDURES: Record<CertificateTypeName, CertificateProcedureData> = {
  BIRTH_EXTRACT: {
    type: 'BIRTH_EXTRACT',
    title: 'Extrait d’acte de naissance (numérique, successeur du 12S)',
    titleAr: 'مستخرج عقد الميلاد',
    piecesRequired: ['None: the birth act is read from the civil registry'],
    feeDzd: 0,
    typicalDelayDays: 1,
    whereToApply: ONLINE,
  },
  RESIDENCE_CERTIFICATE: {
    type: 'RESIDENCE_CERTIFICATE',
    title: 'Certificat de résidence',
    titleAr: 'شهادة الإقامة',
    piecesRequired: [
      'The address declared in the request',
      'A proof of residence under 3 months (electricity or water bill, lease) shown to the office',
    ],
    feeDzd: 0,
    typicalDelayDays: 2,
    whereToApply: ONLINE,
  },
  CERTIFICATE_OF_LIFE: {
    type: 'CERTIFICATE_OF_LIFE',
    title: 'Certificat de vie',
    titleAr: 'شهادة الحياة',
    piecesRequired: ['None: the registry records no death for you'],
    feeDzd: 0,
    typicalDelayDays: 1,
    whereToApply: ONLINE,
  },
  FAMILY_RECORD: {
    type: 'FAMILY_RECORD',
    title: 'Fiche familiale d’état civil',
    titleAr: 'بطاقة عائلية للحالة المدنية',
    piecesRequired: [
      'None: the marriage act and the children’s birth acts are read from the registry',
    ],
    feeDzd: 0,
    typicalDelayDays: 2,
    whereToApply: ONLINE,
  },
  NON_REMARRIAGE_CERTIFICATE: {
    type: 'NON_REMARRIAGE_CERTIFICATE',
    title: 'Certificat de non-remariage',
    titleAr: 'شهادة عدم إعادة الزواج',
    piecesRequired: ['None: the registry shows you widowed or divorced and not married since'],
    feeDzd: 0,
    typicalDelayDays: 2,
    whereToApply: ONLINE,
  },
  MARITAL_STATUS_CERTIFICATE: {
    type: 'MARITAL_STATUS_CERTIFICATE',
    title: 'Certificat de situation familiale',
    titleAr: 'شهادة الوضعية العائلية',
    piecesRequired: ['None: the marital status is read from the registry'],
    feeDzd: 0,
    typicalDelayDays: 1,
    whereToApply: ONLINE,
  },
};
