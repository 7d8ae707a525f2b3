import { useApolloClient, useQuery } from '@apollo/client/react';
import { Fragment, useState, type FormEvent } from 'react';
import { errorOf } from '../errors';
import {
  CertificateProceduresDocument,
  FileHygieneRequestDocument,
  ProceduresDocument,
  TrackApplicationDocument,
  VerifyDocumentDocument,
  VerifyExtractDocument,
  type FileHygieneRequestMutation,
  type HygieneRequestCategory,
  type TrackApplicationQuery,
  type VerifyDocumentQuery,
  type VerifyExtractQuery,
} from '../gql/graphql';
import { useI18n } from '../i18n';
import { ErrorNote, Field, Section, Select } from '../ui';

type Problem = { code: string; message: string } | null;

/** One procedure of the guide: a document's or a certificate's pieces, fee and delay. */
function ProcedureCard({
  p,
  extra,
}: {
  p: {
    type: string;
    title: string;
    titleAr: string;
    feeDzd: number;
    typicalDelayDays: number;
    whereToApply: string;
    piecesRequired: string[];
  };
  extra?: { label: string; value: string }[];
}) {
  const { t, lang, number } = useI18n();
  return (
    <article className="procedure" data-type={p.type}>
      <h4>{lang === 'ar' ? p.titleAr : p.title}</h4>
      <dl>
        <dt>{t('fee')}</dt>
        <dd>{p.feeDzd === 0 ? t('free') : `${number(p.feeDzd)} DZD`}</dd>
        <dt>{t('delay')}</dt>
        <dd>
          {p.typicalDelayDays} {t('days')}
        </dd>
        {extra?.map((e) => (
          <Fragment key={e.label}>
            <dt>{e.label}</dt>
            <dd>{e.value}</dd>
          </Fragment>
        ))}
        <dt>{t('where')}</dt>
        <dd dir="auto">{p.whereToApply}</dd>
      </dl>
      <h5>{t('pieces')}</h5>
      <ul>
        {p.piecesRequired.map((piece) => (
          <li key={piece} dir="auto">
            {piece}
          </li>
        ))}
      </ul>
    </article>
  );
}

function Guide() {
  const { t } = useI18n();
  const documents = useQuery(ProceduresDocument);
  // Its own query: the guide of documents still shows when the certificates' subgraph does not answer.
  const certificates = useQuery(CertificateProceduresDocument);
  return (
    <Section title={t('guide')}>
      <h3 id="guide-documents">{t('guideDocuments')}</h3>
      {documents.loading && !documents.data ? <p>{t('loading')}</p> : null}
      <ErrorNote error={errorOf(documents.error)} />
      <div
        className="grid"
        data-testid="guide-documents"
        aria-labelledby="guide-documents"
        role="list"
      >
        {documents.data?.procedures.map((p) => (
          <div role="listitem" key={p.type}>
            <ProcedureCard
              p={p}
              extra={[
                { label: t('validity'), value: `${p.validityYears} ${t('years')}` },
                { label: t('minAge'), value: `${p.minimumAge} ${t('years')}` },
              ]}
            />
          </div>
        ))}
      </div>
      <h3 id="guide-certificates">{t('guideCertificates')}</h3>
      {certificates.loading && !certificates.data ? <p>{t('loading')}</p> : null}
      <ErrorNote error={errorOf(certificates.error)} />
      <div
        className="grid"
        data-testid="guide-certificates"
        aria-labelledby="guide-certificates"
        role="list"
      >
        {certificates.data?.certificateProcedures.map((p) => (
          <div role="listitem" key={p.type}>
            <ProcedureCard p={p} />
          </div>
        ))}
      </div>
    </Section>
  );
}

function Follow() {
  const { t, w, date } = useI18n();
  const client = useApolloClient();
  const [number, setNumber] = useState('');
  const [code, setCode] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [result, setResult] = useState<TrackApplicationQuery['trackApplication'] | undefined>();
  const [problem, setProblem] = useState<Problem>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    try {
      const { data } = await client.query({
        query: TrackApplicationDocument,
        variables: { number: number.trim(), trackingCode: code.trim(), birthDate },
        fetchPolicy: 'network-only',
      });
      setResult(data?.trackApplication ?? null);
    } catch (err) {
      setResult(undefined);
      setProblem(errorOf(err));
    }
  };
  return (
    <Section title={t('follow')} id="follow">
      <form onSubmit={submit} className="form">
        <Field
          label={t('appNumber')}
          name="number"
          value={number}
          onChange={setNumber}
          required
          dir="ltr"
        />
        <Field
          label={t('trackingCode')}
          name="trackingCode"
          value={code}
          onChange={setCode}
          required
          dir="ltr"
        />
        <Field
          label={t('birthDate')}
          name="birthDate"
          type="date"
          value={birthDate}
          onChange={setBirthDate}
          required
        />
        <button type="submit">{t('search')}</button>
      </form>
      <ErrorNote error={problem} />
      <div aria-live="polite">
        {result === null ? <p className="warning">{t('notFoundTrack')}</p> : null}
        {result ? (
          <dl className="result" data-testid="tracking">
            <dt>{t('appNumber')}</dt>
            <dd dir="ltr">{result.number}</dd>
            <dt>{t('docType')}</dt>
            <dd>{w(result.type)}</dd>
            <dt>{t('status')}</dt>
            <dd className={`status status-${result.status}`}>{w(result.status)}</dd>
            <dt>{t('updated')}</dt>
            <dd>{date(result.updatedAt)}</dd>
          </dl>
        ) : null}
      </div>
    </Section>
  );
}

function Verify() {
  const { t, w, date } = useI18n();
  const client = useApolloClient();
  const [number, setNumber] = useState('');
  const [presentation, setPresentation] = useState('');
  const [doc, setDoc] = useState<VerifyDocumentQuery['verifyDocument'] | null>(null);
  const [extract, setExtract] = useState<VerifyExtractQuery['verifyExtract'] | null>(null);
  const [problem, setProblem] = useState<Problem>(null);
  const checkDocument = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setExtract(null);
    try {
      const { data } = await client.query({
        query: VerifyDocumentDocument,
        variables: { number: number.trim() },
        fetchPolicy: 'network-only',
      });
      setDoc(data?.verifyDocument ?? null);
    } catch (err) {
      setProblem(errorOf(err));
    }
  };
  const checkExtract = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setDoc(null);
    try {
      const { data } = await client.query({
        query: VerifyExtractDocument,
        variables: { presentation: presentation.trim() },
        fetchPolicy: 'network-only',
      });
      setExtract(data?.verifyExtract ?? null);
    } catch (err) {
      setProblem(errorOf(err));
    }
  };
  return (
    <Section title={t('verify')}>
      <form onSubmit={checkDocument} className="form">
        <Field
          label={t('docNumber')}
          name="documentNumber"
          value={number}
          onChange={setNumber}
          required
          dir="ltr"
        />
        <button type="submit">{t('search')}</button>
      </form>
      <form onSubmit={checkExtract} className="form">
        <div className="field">
          <label htmlFor="presentation">{t('extractCode')}</label>
          <textarea
            id="presentation"
            dir="ltr"
            rows={3}
            value={presentation}
            required
            onChange={(e) => setPresentation(e.target.value)}
          />
        </div>
        <button type="submit">{t('search')}</button>
      </form>
      <ErrorNote error={problem} />
      <div aria-live="polite">
        {doc ? (
          <p className={doc.valid ? 'ok' : 'warning'} data-testid="document-verdict">
            {doc.valid ? t('valid') : t('invalid')} · {w(doc.type)} ·{' '}
            <span dir="ltr">{doc.number}</span>
            {doc.expiryDate ? ` · ${date(doc.expiryDate)}` : ''} ·{' '}
            <span dir="auto">{doc.reason}</span>
          </p>
        ) : null}
        {extract ? (
          <div data-testid="extract-verdict">
            <p className={extract.verdict === 'VALID' ? 'ok' : 'warning'}>
              {w(extract.verdict)} · <span dir="ltr">{extract.code}</span>
            </p>
            <dl>
              {extract.disclosed.map((f) => (
                <div key={f.name}>
                  <dt>{f.name}</dt>
                  <dd dir="auto">{JSON.parse(f.value) as string}</dd>
                </div>
              ))}
            </dl>
          </div>
        ) : null}
      </div>
    </Section>
  );
}

const CATEGORIES: HygieneRequestCategory[] = [
  'WASTE_NOT_COLLECTED',
  'WATER_LEAK',
  'PUBLIC_LIGHTING',
  'NOISE',
  'UNSANITARY_PREMISES',
  'STRAY_ANIMALS',
  'OTHER',
];

function FileRequest() {
  const { t, date } = useI18n();
  const client = useApolloClient();
  const [commune, setCommune] = useState('');
  const [category, setCategory] = useState<HygieneRequestCategory>('WASTE_NOT_COLLECTED');
  const [place, setPlace] = useState('');
  const [text, setText] = useState('');
  const [phone, setPhone] = useState('');
  const [filed, setFiled] = useState<FileHygieneRequestMutation['fileHygieneRequest'] | null>(null);
  const [problem, setProblem] = useState<Problem>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    try {
      const { data } = await client.mutate({
        mutation: FileHygieneRequestDocument,
        variables: {
          input: {
            communeCode: commune.trim(),
            category,
            place,
            text,
            contactPhone: phone.trim(),
            idempotencyKey: key,
          },
        },
      });
      setFiled(data?.fileHygieneRequest ?? null);
      setKey(crypto.randomUUID());
    } catch (err) {
      setProblem(errorOf(err));
    }
  };
  return (
    <Section title={t('fileRequest')}>
      <form onSubmit={submit} className="form">
        <Field
          label={t('communeCode')}
          name="communeCode"
          value={commune}
          onChange={setCommune}
          required
          inputMode="numeric"
          pattern="[0-9]{4}"
          dir="ltr"
        />
        <Select
          label={t('category')}
          name="category"
          value={category}
          onChange={(v) => setCategory(v as HygieneRequestCategory)}
          options={CATEGORIES}
        />
        <Field
          label={t('place')}
          name="place"
          value={place}
          onChange={setPlace}
          required
          dir="auto"
        />
        <div className="field">
          <label htmlFor="request-text">{t('text')}</label>
          <textarea
            id="request-text"
            dir="auto"
            rows={3}
            value={text}
            required
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <Field
          label={t('phone')}
          name="phone"
          type="tel"
          value={phone}
          onChange={setPhone}
          required
          inputMode="tel"
          dir="ltr"
        />
        <button type="submit">{t('submit')}</button>
      </form>
      <ErrorNote error={problem} />
      <div aria-live="polite">
        {filed ? (
          <p className="ok" data-testid="filed">
            {t('filed')} <strong dir="ltr">{filed.number}</strong> · {t('deadline')}:{' '}
            {date(filed.deadline)}
          </p>
        ) : null}
      </div>
    </Section>
  );
}

/** The kiosk: no account; everything here is an anonymous call. */
export function Kiosk() {
  return (
    <>
      <Follow />
      <Verify />
      <FileRequest />
      <Guide />
    </>
  );
}
