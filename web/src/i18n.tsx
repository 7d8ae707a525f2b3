import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

export type Lang = 'ar' | 'fr';

/** Every string the app shows, in Arabic (the default, right-to-left) and French. */
const strings = {
  appTitle: { ar: 'الخدمات الإدارية الرقمية', fr: 'Services administratifs numériques' },
  skip: { ar: 'انتقل إلى المحتوى', fr: 'Aller au contenu' },
  language: { ar: 'Français', fr: 'العربية' },
  languageLabel: { ar: 'تغيير اللغة إلى الفرنسية', fr: "Passer à l'arabe" },
  navKiosk: { ar: 'الشباك الآلي', fr: 'Borne' },
  navAccount: { ar: 'حسابي', fr: 'Mon compte' },
  navAgent: { ar: 'فضاء العون', fr: "Console de l'agent" },
  navDashboard: { ar: 'لوحة الوزارة', fr: 'Tableau du ministère' },
  signIn: { ar: 'تسجيل الدخول', fr: 'Se connecter' },
  signOut: { ar: 'تسجيل الخروج', fr: 'Se déconnecter' },
  signedInAs: { ar: 'متصل بصفة', fr: 'Connecté comme' },
  signInNeeded: {
    ar: 'هذا الفضاء يتطلب تسجيل الدخول.',
    fr: 'Cet espace demande de se connecter.',
  },
  wrongRole: {
    ar: 'هذا الفضاء غير متاح بهذا الحساب.',
    fr: "Cet espace n'est pas ouvert à ce compte.",
  },
  signInRefused_state: {
    ar: 'رُفض تسجيل الدخول: الرد لا يطابق هذا الطلب (state). أعد المحاولة.',
    fr: 'Connexion refusée : la réponse ne correspond pas à cette demande (state). Recommencez.',
  },
  signInRefused_verifier: {
    ar: 'رُفض تسجيل الدخول: لم يبدأ في هذه النافذة (رمز PKCE غائب). أعد المحاولة.',
    fr: "Connexion refusée : elle n'a pas été commencée dans cet onglet (vérificateur PKCE absent). Recommencez.",
  },
  signInRefused_provider: {
    ar: 'رُفض تسجيل الدخول من طرف مزود الهوية. أعد المحاولة.',
    fr: "Connexion refusée par le fournisseur d'identité. Recommencez.",
  },
  mapHint: {
    ar: 'مرر أو انتقل بلوحة المفاتيح على ولاية لقراءة رقمها.',
    fr: 'Survolez une wilaya ou atteignez-la au clavier pour lire son chiffre.',
  },
  legend: { ar: 'مفتاح الألوان', fr: 'Légende' },
  docsByWilaya: { ar: 'الوثائق المسلمة حسب الولاية', fr: 'Documents délivrés par wilaya' },
  consultationsByWilaya: {
    ar: 'الاطلاعات حسب ولاية ميلاد المواطن',
    fr: 'Consultations par wilaya de naissance du citoyen',
  },
  unitDocuments: { ar: 'وثيقة', fr: 'documents' },
  unitConsultations: { ar: 'اطلاع', fr: 'consultations' },
  loading: { ar: 'جار التحميل…', fr: 'Chargement…' },
  submit: { ar: 'إرسال', fr: 'Envoyer' },
  search: { ar: 'بحث', fr: 'Rechercher' },
  // Kiosk
  guide: { ar: 'دليل الإجراءات', fr: 'Guide des démarches' },
  guideDocuments: { ar: 'الوثائق البيومترية', fr: 'Documents biométriques' },
  guideCertificates: {
    ar: 'الشهادات ومستخرجات الحالة المدنية',
    fr: "Certificats et extraits d'état civil",
  },
  free: { ar: 'مجانا', fr: 'Gratuit' },
  pieces: { ar: 'الوثائق المطلوبة', fr: 'Pièces à fournir' },
  fee: { ar: 'الرسوم', fr: 'Frais' },
  delay: { ar: 'الآجال', fr: 'Délai' },
  days: { ar: 'يوما', fr: 'jours' },
  where: { ar: 'مكان الإيداع', fr: 'Où déposer' },
  minAge: { ar: 'السن الأدنى', fr: 'Âge minimum' },
  validity: { ar: 'مدة الصلاحية', fr: 'Validité' },
  years: { ar: 'سنوات', fr: 'ans' },
  follow: { ar: 'متابعة طلب', fr: 'Suivre une demande' },
  appNumber: { ar: 'رقم الطلب', fr: 'Numéro de la demande' },
  trackingCode: { ar: 'رمز المتابعة (على الوصل)', fr: 'Code de suivi (sur le reçu)' },
  birthDate: { ar: 'تاريخ الميلاد', fr: 'Date de naissance' },
  notFoundTrack: {
    ar: 'لم يتم العثور على طلب بهذه المعلومات. تحقق من الرقم والرمز وتاريخ الميلاد.',
    fr: 'Aucune demande ne correspond. Vérifiez le numéro, le code et la date de naissance.',
  },
  status: { ar: 'الحالة', fr: 'État' },
  updated: { ar: 'آخر تحديث', fr: 'Mis à jour' },
  verify: { ar: 'التحقق من وثيقة أو مستخرج', fr: 'Vérifier un document ou un extrait' },
  docNumber: { ar: 'رقم الوثيقة', fr: 'Numéro du document' },
  extractCode: {
    ar: 'مستخرج رقمي (محتوى رمز QR)',
    fr: 'Extrait numérique (contenu du QR code)',
  },
  valid: { ar: 'صالحة', fr: 'Valide' },
  invalid: { ar: 'غير صالحة', fr: 'Non valide' },
  fileRequest: { ar: 'تقديم طلب إلى البلدية', fr: 'Saisir la commune' },
  communeCode: { ar: 'رمز البلدية (4 أرقام)', fr: 'Code de la commune (4 chiffres)' },
  category: { ar: 'الموضوع', fr: 'Objet' },
  place: { ar: 'المكان', fr: 'Lieu' },
  text: { ar: 'الوصف', fr: 'Description' },
  phone: { ar: 'رقم الهاتف المحمول', fr: 'Téléphone mobile' },
  filed: { ar: 'تم تسجيل طلبك برقم', fr: 'Votre demande est enregistrée sous le numéro' },
  deadline: { ar: 'أجل المعالجة', fr: 'Délai de traitement' },
  // Account
  myRecord: { ar: 'بياناتي', fr: 'Mon état civil' },
  nin: { ar: 'رقم التعريف الوطني', fr: "Numéro d'identification national" },
  name: { ar: 'الاسم', fr: 'Nom' },
  birthCommune: { ar: 'بلدية الميلاد', fr: 'Commune de naissance' },
  myDocuments: { ar: 'وثائقي', fr: 'Mes documents' },
  myVehicles: { ar: 'مركباتي', fr: 'Mes véhicules' },
  myApplications: { ar: 'طلباتي', fr: 'Mes demandes de documents' },
  myRequests: { ar: 'طلباتي لدى البلدية', fr: 'Mes requêtes à la commune' },
  history: { ar: 'المراحل', fr: 'Historique' },
  rejected: { ar: 'سبب الرفض', fr: 'Motif du refus' },
  consultations: { ar: 'من اطلع على بياناتي', fr: 'Qui a consulté mes données' },
  consultationsHelp: {
    ar: 'كل اطلاع على سجلك من طرف وزارة أو عون، متى ولماذا.',
    fr: 'Chaque consultation de votre dossier par un ministère ou un agent, quand et pourquoi.',
  },
  when: { ar: 'متى', fr: 'Quand' },
  who: { ar: 'من', fr: 'Qui' },
  why: { ar: 'لماذا', fr: 'Pourquoi' },
  what: { ar: 'ماذا', fr: 'Quoi' },
  outcome: { ar: 'النتيجة', fr: 'Issue' },
  agentOf: { ar: 'عون بلدية', fr: 'Agent de la commune' },
  myExtract: { ar: 'مستخرج شهادة الميلاد الرقمي', fr: 'Extrait de naissance numérique' },
  issueExtract: { ar: 'إصدار مستخرج', fr: 'Obtenir un extrait' },
  chooseFields: {
    ar: 'اختر المعلومات التي تريد إظهارها في رمز QR',
    fr: 'Choisissez les informations que le QR code montre',
  },
  none: { ar: 'لا شيء', fr: 'Aucun' },
  // Agent
  queue: { ar: 'طلبات البلدية', fr: 'File des demandes' },
  age: { ar: 'العمر', fr: 'Ancienneté' },
  applicant: { ar: 'صاحب الطلب', fr: 'Demandeur' },
  open: { ar: 'فتح', fr: 'Ouvrir' },
  approve: { ar: 'قبول', fr: 'Approuver' },
  refuse: { ar: 'رفض', fr: 'Refuser' },
  review: { ar: 'بدء الدراسة', fr: "Mettre à l'étude" },
  justification: {
    ar: 'التبرير (إجباري عند الرفض)',
    fr: 'Justification (obligatoire pour refuser)',
  },
  justificationNeeded: {
    ar: 'اكتب سبب الرفض قبل الإرسال.',
    fr: 'Écrivez le motif du refus avant d’envoyer.',
  },
  decided: { ar: 'تم تسجيل القرار', fr: 'Décision enregistrée' },
  conflict: {
    ar: 'قام زميل باتخاذ قرار في هذا الطلب قبلك. أعد التحميل لرؤية حالته الحالية.',
    fr: 'Un collègue a décidé de cette demande avant vous. Rechargez pour voir son état actuel.',
  },
  reload: { ar: 'إعادة التحميل', fr: 'Recharger' },
  counter: { ar: 'إيداع طلب في الشباك', fr: 'Déposer une demande au guichet' },
  docType: { ar: 'نوع الوثيقة', fr: 'Type de document' },
  reason: { ar: 'السبب', fr: 'Motif' },
  receipt: { ar: 'الوصل: الرقم ورمز المتابعة', fr: 'Reçu : numéro et code de suivi' },
  emptyQueue: { ar: 'لا توجد طلبات.', fr: 'Aucune demande.' },
  // Dashboard
  docsByType: {
    ar: 'الوثائق المسلمة حسب النوع والولاية',
    fr: 'Documents délivrés par type et wilaya',
  },
  consultationsByMinistry: {
    ar: 'الاطلاعات حسب الوزارة',
    fr: 'Consultations par ministère',
  },
  from: { ar: 'من', fr: 'Du' },
  to: { ar: 'إلى', fr: 'Au' },
  wilaya: { ar: 'الولاية', fr: 'Wilaya' },
  total: { ar: 'المجموع', fr: 'Total' },
  count: { ar: 'العدد', fr: 'Nombre' },
  ministry: { ar: 'الوزارة', fr: 'Ministère' },
  distinctCitizens: { ar: 'مواطنون مختلفون', fr: 'Citoyens distincts' },
  refusedCount: { ar: 'مرفوضة', fr: 'Refusées' },
  chartOf: { ar: 'رسم بياني', fr: 'Graphique' },
} as const satisfies Record<string, Record<Lang, string>>;
export type Key = keyof typeof strings;

/** Codes of the graph in words: enums, purposes, ministries, error codes. */
const words: Record<string, Record<Lang, string>> = {
  PASSPORT: { ar: 'جواز السفر', fr: 'Passeport' },
  NATIONAL_ID_CARD: { ar: 'بطاقة التعريف الوطنية', fr: "Carte nationale d'identité" },
  DRIVING_LICENCE: { ar: 'رخصة السياقة', fr: 'Permis de conduire' },
  SUBMITTED: { ar: 'مودع', fr: 'Déposée' },
  UNDER_REVIEW: { ar: 'قيد الدراسة', fr: "À l'étude" },
  APPROVED: { ar: 'مقبول', fr: 'Approuvée' },
  REJECTED: { ar: 'مرفوض', fr: 'Refusée' },
  IN_PRODUCTION: { ar: 'قيد الإنجاز', fr: 'En fabrication' },
  READY: { ar: 'جاهز للسحب', fr: 'Prête à retirer' },
  DELIVERED: { ar: 'مسلم', fr: 'Remise' },
  CANCELLED: { ar: 'ملغى', fr: 'Annulée' },
  FILED: { ar: 'مسجل', fr: 'Enregistrée' },
  ASSIGNED: { ar: 'مسند', fr: 'Attribuée' },
  IN_PROGRESS: { ar: 'قيد المعالجة', fr: 'En cours' },
  RESOLVED: { ar: 'تمت المعالجة', fr: 'Résolue' },
  ACTIVE: { ar: 'سارية', fr: 'En cours de validité' },
  EXPIRED: { ar: 'منتهية الصلاحية', fr: 'Expirée' },
  LOST: { ar: 'مفقودة', fr: 'Perdue' },
  STOLEN: { ar: 'مسروقة', fr: 'Volée' },
  REVOKED: { ar: 'ملغاة', fr: 'Révoquée' },
  REPLACED: { ar: 'مستبدلة', fr: 'Remplacée' },
  SCRAPPED: { ar: 'محطمة', fr: 'Détruite' },
  FIRST: { ar: 'أول مرة', fr: 'Première demande' },
  RENEWAL: { ar: 'تجديد', fr: 'Renouvellement' },
  LOSS: { ar: 'ضياع', fr: 'Perte' },
  THEFT: { ar: 'سرقة', fr: 'Vol' },
  DAMAGE: { ar: 'تلف', fr: 'Détérioration' },
  MALE: { ar: 'ذكر', fr: 'Homme' },
  FEMALE: { ar: 'أنثى', fr: 'Femme' },
  SINGLE: { ar: 'أعزب', fr: 'Célibataire' },
  MARRIED: { ar: 'متزوج', fr: 'Marié(e)' },
  DIVORCED: { ar: 'مطلق', fr: 'Divorcé(e)' },
  WIDOWED: { ar: 'أرمل', fr: 'Veuf (veuve)' },
  ALLOWED: { ar: 'مسموح', fr: 'Autorisée' },
  DENIED: { ar: 'مرفوض', fr: 'Refusée' },
  VALID: { ar: 'صالح', fr: 'Valide' },
  ALTERED: { ar: 'معدل (مزور)', fr: 'Altéré' },
  FORGED: { ar: 'مزور', fr: 'Contrefait' },
  WASTE_NOT_COLLECTED: { ar: 'نفايات غير مرفوعة', fr: 'Déchets non collectés' },
  WATER_LEAK: { ar: 'تسرب المياه', fr: "Fuite d'eau" },
  PUBLIC_LIGHTING: { ar: 'الإنارة العمومية', fr: 'Éclairage public' },
  NOISE: { ar: 'الضجيج', fr: 'Bruit' },
  UNSANITARY_PREMISES: { ar: 'محل غير صحي', fr: 'Local insalubre' },
  STRAY_ANIMALS: { ar: 'حيوانات ضالة', fr: 'Animaux errants' },
  OTHER: { ar: 'أخرى', fr: 'Autre' },
  // Ministries
  INTERIOR: { ar: 'وزارة الداخلية والجماعات المحلية', fr: "Ministère de l'Intérieur" },
  JUSTICE: { ar: 'وزارة العدل', fr: 'Ministère de la Justice' },
  HEALTH: { ar: 'وزارة الصحة والضمان الاجتماعي', fr: 'Ministère de la Santé' },
  EDUCATION: { ar: 'وزارة التربية الوطنية', fr: "Ministère de l'Éducation nationale" },
  TRANSPORT: { ar: 'وزارة النقل', fr: 'Ministère des Transports' },
  FINANCE: { ar: 'وزارة المالية', fr: 'Ministère des Finances' },
  FOREIGN_AFFAIRS: { ar: 'وزارة الشؤون الخارجية', fr: 'Ministère des Affaires étrangères' },
  NATIONAL_SECURITY: { ar: 'المديرية العامة للأمن الوطني', fr: 'Sûreté nationale' },
  MINISTRY: { ar: 'وزارة', fr: 'Ministère' },
  AGENT: { ar: 'عون', fr: 'Agent' },
  CITIZEN: { ar: 'المواطن نفسه', fr: 'Vous-même' },
  INTEGRATOR: { ar: 'برنامج مدرسي', fr: 'Logiciel scolaire' },
  // Purposes: the legal basis a ministry or an agent stated
  CIVIL_STATUS_ADMINISTRATION: { ar: 'تسيير الحالة المدنية', fr: "Gestion de l'état civil" },
  IDENTITY_DOCUMENT_ISSUANCE: { ar: 'إصدار وثائق الهوية', fr: "Délivrance des titres d'identité" },
  LOCAL_GOVERNMENT_OVERSIGHT: {
    ar: 'الرقابة على الجماعات المحلية',
    fr: 'Tutelle des collectivités locales',
  },
  JUDICIAL_PROCEEDINGS: { ar: 'إجراءات قضائية', fr: 'Procédure judiciaire' },
  CRIMINAL_RECORD: { ar: 'صحيفة السوابق القضائية', fr: 'Casier judiciaire' },
  SOCIAL_SECURITY_ENTITLEMENT: { ar: 'حقوق الضمان الاجتماعي', fr: 'Droits à la sécurité sociale' },
  HEALTH_CARE: { ar: 'العلاج', fr: 'Soins' },
  PUBLIC_HEALTH_SURVEILLANCE: {
    ar: 'مراقبة الصحة العمومية',
    fr: 'Surveillance de la santé publique',
  },
  SCHOOL_ENROLMENT: { ar: 'التسجيل المدرسي', fr: 'Inscription scolaire' },
  VEHICLE_REGISTRATION: { ar: 'ترقيم المركبات', fr: 'Immatriculation des véhicules' },
  TAX_ASSESSMENT: { ar: 'فرض الضريبة', fr: "Établissement de l'impôt" },
  PUBLIC_REVENUE_COLLECTION: {
    ar: 'تحصيل الإيرادات العمومية',
    fr: 'Recouvrement des recettes publiques',
  },
  CONSULAR_SERVICES: { ar: 'الخدمات القنصلية', fr: 'Services consulaires' },
  POLICE_INVESTIGATION: { ar: 'تحقيق الشرطة', fr: 'Enquête de police' },
  CIVIL_REGISTRATION: {
    ar: 'تسجيل عقود الحالة المدنية',
    fr: "Enregistrement d'actes d'état civil",
  },
  COUNTER_SERVICE: { ar: 'خدمة الشباك', fr: 'Service au guichet' },
  PATRIMONY_MANAGEMENT: { ar: 'تسيير أملاك البلدية', fr: 'Gestion du patrimoine communal' },
  COMMUNE_LITIGATION: { ar: 'منازعات البلدية', fr: 'Contentieux de la commune' },
  PUBLIC_HYGIENE: { ar: 'النظافة العمومية', fr: 'Hygiène publique' },
  ASSOCIATIONS_REGISTRY: { ar: 'سجل الجمعيات', fr: 'Registre des associations' },
  // Field groups of the record
  IDENTITY: { ar: 'الهوية', fr: 'Identité' },
  CIVIL_STATUS: { ar: 'الحالة المدنية', fr: 'État civil' },
  FILIATION: { ar: 'النسب', fr: 'Filiation' },
  DEATH: { ar: 'الوفاة', fr: 'Décès' },
  ADDRESS: { ar: 'العنوان', fr: 'Adresse' },
  DOCUMENTS: { ar: 'الوثائق', fr: 'Documents' },
  VEHICLES: { ar: 'المركبات', fr: 'Véhicules' },
  // Errors the graph answers, by code
  CONFLICT: {
    ar: 'تغير هذا العنصر منذ تحميله.',
    fr: 'Cet élément a changé depuis son chargement.',
  },
  REASON_REQUIRED: { ar: 'الرفض يتطلب تبريرا.', fr: 'Un refus demande une justification.' },
  CITIZEN_NOT_FOUND: {
    ar: 'لا يوجد مواطن بهذا الرقم في سجل الحالة المدنية.',
    fr: "Aucun citoyen ne porte ce NIN dans le registre de l'état civil.",
  },
  CITIZEN_DECEASED: {
    ar: 'سجل الحالة المدنية يشير إلى وفاة هذا الشخص.',
    fr: "Le registre de l'état civil indique que cette personne est décédée.",
  },
  UNDER_AGE: {
    ar: 'صاحب الطلب لم يبلغ السن المطلوبة لهذه الوثيقة.',
    fr: "Le demandeur n'a pas l'âge requis pour ce document.",
  },
  DUPLICATE_APPLICATION: {
    ar: 'يوجد طلب مفتوح من نفس النوع لهذا المواطن.',
    fr: 'Ce citoyen a déjà une demande ouverte de ce type.',
  },
  INVALID_PHONE: {
    ar: 'رقم الهاتف يبدأ بـ 05 أو 06 أو 07 متبوعا بـ 8 أرقام.',
    fr: 'Le mobile commence par 05, 06 ou 07, suivi de 8 chiffres.',
  },
  INVALID_NIN: {
    ar: 'رقم التعريف الوطني يتكون من 18 رقما صحيحا.',
    fr: 'Le NIN compte 18 chiffres, dont une clé de contrôle.',
  },
  BAD_USER_INPUT: { ar: 'معلومات غير صحيحة.', fr: 'Saisie incorrecte.' },
  FORBIDDEN: { ar: 'غير مسموح لهذا الحساب.', fr: "Ce compte n'y est pas autorisé." },
  UNAUTHENTICATED: {
    ar: 'انتهت الجلسة. سجل الدخول من جديد.',
    fr: 'Session expirée : reconnectez-vous.',
  },
  COMMUNE_NOT_FOUND: { ar: 'لا توجد بلدية بهذا الرمز.', fr: 'Aucune commune ne porte ce code.' },
  ILLEGAL_TRANSITION: {
    ar: 'لا يمكن الانتقال إلى هذه الحالة من الحالة الحالية.',
    fr: "Ce passage d'état n'est pas possible depuis l'état actuel.",
  },
  RATE_LIMITED: {
    ar: 'محاولات كثيرة. أعد المحاولة بعد قليل.',
    fr: 'Trop de tentatives : réessayez dans un moment.',
  },
  OPERATION_NOT_TRUSTED: {
    ar: 'هذا الطلب غير مسجل لدى التطبيق.',
    fr: "Cette opération n'est pas enregistrée pour l'application.",
  },
};

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: Key): string;
  /** A code of the graph in words; the code itself when no word is known. */
  w(code: string | null | undefined): string;
  date(iso: string): string;
  number(n: number): string;
}

const Ctx = createContext<I18n | null>(null);

const stored = (): Lang => (localStorage.getItem('lang') === 'fr' ? 'fr' : 'ar');

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(stored);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
    document.title = strings.appTitle[lang];
  }, [lang]);
  // Latin digits in both languages: they are what Algerian forms and receipts use.
  const locale = lang === 'ar' ? 'ar-DZ-u-nu-latn' : 'fr-DZ';
  const value: I18n = {
    lang,
    setLang(next) {
      localStorage.setItem('lang', next);
      setLangState(next);
    },
    t: (key) => strings[key][lang],
    w: (code) => (code ? (words[code]?.[lang] ?? code) : ''),
    date: (iso) =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        ...(iso.length > 10 ? { timeStyle: 'short' } : {}),
      }).format(new Date(iso)),
    number: (n) => new Intl.NumberFormat(locale).format(n),
  };
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Ctx);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
