import { useApolloClient, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { purpose } from '../apollo';
import type { Session } from '../auth';
import { errorOf } from '../errors';
import {
  ApplicationQueueDocument,
  ChangeApplicationStatusDocument,
  SubmitApplicationDocument,
  type ApplicationQueueQuery,
  type ApplicationReason,
  type ApplicationStatus,
  type DocumentType,
  type SubmitApplicationMutation,
} from '../gql/graphql';
import { useI18n } from '../i18n';
import { ErrorNote, Field, Section, Select, TableWrap } from '../ui';

const COUNTER = purpose('COUNTER_SERVICE');
type Item = ApplicationQueueQuery['applicationQueue']['nodes'][number];
type Problem = { code: string; message: string } | null;

function useAge() {
  const { lang } = useI18n();
  const format = new Intl.RelativeTimeFormat(lang === 'ar' ? 'ar-DZ-u-nu-latn' : 'fr', {
    numeric: 'auto',
  });
  return (iso: string) => {
    const minutes = Math.round((Date.now() - Date.parse(iso)) / 60_000);
    if (minutes < 60) return format.format(-minutes, 'minute');
    if (minutes < 48 * 60) return format.format(-Math.round(minutes / 60), 'hour');
    return format.format(-Math.round(minutes / 1440), 'day');
  };
}

function Decision({ item, onDone }: { item: Item; onDone(reload: boolean): void }) {
  const { t, w } = useI18n();
  const client = useApolloClient();
  const [justification, setJustification] = useState('');
  const [problem, setProblem] = useState<Problem>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ApplicationStatus | null>(null);

  const change = (status: ApplicationStatus, expectedVersion: number, reason?: string) =>
    client.mutate({
      mutation: ChangeApplicationStatusDocument,
      variables: {
        input: { number: item.number, status, expectedVersion, ...(reason ? { reason } : {}) },
      },
      context: COUNTER,
    });

  const decide = async (status: 'APPROVED' | 'REJECTED' | 'UNDER_REVIEW') => {
    setProblem(null);
    if (status === 'REJECTED' && justification.trim() === '') {
      setProblem({ code: 'REASON_REQUIRED', message: '' });
      return;
    }
    setBusy(true);
    try {
      let version = item.version;
      // A decision is taken on an application under review: take it for review first.
      if (item.status === 'SUBMITTED' && status !== 'UNDER_REVIEW') {
        const { data } = await change('UNDER_REVIEW', version);
        version = data?.changeApplicationStatus.version ?? version + 1;
      }
      await change(status, version, justification.trim() || undefined);
      setDone(status);
    } catch (err) {
      setProblem(errorOf(err));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <div className="ok" role="status">
        <p>
          {t('decided')}: {w(done)}
        </p>
        <button type="button" onClick={() => onDone(true)}>
          {t('reload')}
        </button>
      </div>
    );
  }
  const conflict = problem?.code === 'CONFLICT';
  return (
    <div className="decision">
      {conflict ? (
        <div className="error" role="alert" data-code="CONFLICT">
          <p>{t('conflict')}</p>
          <button type="button" onClick={() => onDone(true)}>
            {t('reload')}
          </button>
        </div>
      ) : (
        <ErrorNote error={problem} />
      )}
      <div className="field">
        <label htmlFor="justification">{t('justification')}</label>
        <textarea
          id="justification"
          dir="auto"
          rows={3}
          value={justification}
          onChange={(e) => setJustification(e.target.value)}
        />
      </div>
      <div className="actions">
        {item.status === 'SUBMITTED' ? (
          <button
            type="button"
            className="secondary"
            disabled={busy || conflict}
            onClick={() => void decide('UNDER_REVIEW')}
          >
            {t('review')}
          </button>
        ) : null}
        <button type="button" disabled={busy || conflict} onClick={() => void decide('APPROVED')}>
          {t('approve')}
        </button>
        <button
          type="button"
          className="danger"
          disabled={busy || conflict || justification.trim() === ''}
          aria-describedby="refuse-help"
          onClick={() => void decide('REJECTED')}
        >
          {t('refuse')}
        </button>
      </div>
      {justification.trim() === '' ? (
        <p id="refuse-help" className="hint">
          {t('justificationNeeded')}
        </p>
      ) : null}
    </div>
  );
}

function Queue() {
  const { t, w, date, lang } = useI18n();
  const age = useAge();
  const [status, setStatus] = useState<ApplicationStatus>('SUBMITTED');
  const [open, setOpen] = useState<string | null>(null);
  const { data, error, loading, refetch } = useQuery(ApplicationQueueDocument, {
    variables: { status },
    context: COUNTER,
    fetchPolicy: 'network-only',
  });
  const items = data?.applicationQueue.nodes ?? [];
  const current = items.find((i) => i.number === open);
  return (
    <Section title={t('queue')} id="queue">
      <Select
        label={t('status')}
        name="status"
        value={status}
        onChange={(v) => setStatus(v as ApplicationStatus)}
        options={['SUBMITTED', 'UNDER_REVIEW']}
      />
      {loading && !data ? <p>{t('loading')}</p> : null}
      <ErrorNote error={errorOf(error)} />
      {items.length === 0 && data ? <p>{t('emptyQueue')}</p> : null}
      <TableWrap label={t('queue')}>
        <table data-testid="queue">
          <thead>
            <tr>
              <th scope="col">{t('appNumber')}</th>
              <th scope="col">{t('applicant')}</th>
              <th scope="col">{t('docType')}</th>
              <th scope="col">{t('age')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr
                key={i.number}
                aria-current={i.number === open ? 'true' : undefined}
                data-number={i.number}
              >
                <td dir="ltr">{i.number}</td>
                <td>
                  {lang === 'ar'
                    ? `${i.applicant.givenNameAr} ${i.applicant.familyNameAr}`
                    : `${i.applicant.givenNameLat} ${i.applicant.familyNameLat}`}
                </td>
                <td>
                  {w(i.type)} · {w(i.reason)}
                </td>
                <td title={date(i.submittedAt)}>{age(i.submittedAt)}</td>
                <td>
                  <button type="button" className="secondary" onClick={() => setOpen(i.number)}>
                    {t('open')} <span className="visually-hidden">{i.number}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {current ? (
        <div className="card inner" data-testid="application">
          <h3 dir="ltr">{current.number}</h3>
          <p>
            {w(current.status)} · <span dir="ltr">{current.applicant.nin}</span> ·{' '}
            {date(current.applicant.birthDate)}
          </p>
          <Decision
            key={`${current.number}-${current.version}`}
            item={current}
            onDone={(reload) => {
              if (reload) void refetch();
            }}
          />
        </div>
      ) : null}
    </Section>
  );
}

const TYPES: DocumentType[] = ['NATIONAL_ID_CARD', 'PASSPORT', 'DRIVING_LICENCE'];
const REASONS: ApplicationReason[] = ['FIRST', 'RENEWAL', 'LOSS', 'THEFT', 'DAMAGE'];

function Counter() {
  const { t, w } = useI18n();
  const client = useApolloClient();
  const [nin, setNin] = useState('');
  const [type, setType] = useState<DocumentType>('NATIONAL_ID_CARD');
  const [reason, setReason] = useState<ApplicationReason>('FIRST');
  const [phone, setPhone] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [problem, setProblem] = useState<Problem>(null);
  const [receipt, setReceipt] = useState<SubmitApplicationMutation['submitApplication'] | null>(
    null,
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setReceipt(null);
    try {
      const { data } = await client.mutate({
        mutation: SubmitApplicationDocument,
        variables: {
          input: {
            nin: nin.trim(),
            type,
            reason,
            contactPhone: phone.trim(),
            idempotencyKey: key,
            ...(type === 'DRIVING_LICENCE' ? { categories: ['B' as const] } : {}),
          },
        },
        context: COUNTER,
      });
      setReceipt(data?.submitApplication ?? null);
      setKey(crypto.randomUUID());
    } catch (err) {
      setProblem(errorOf(err));
    }
  };
  return (
    <Section title={t('counter')} id="counter">
      <form onSubmit={submit} className="form">
        <Field
          label={t('nin')}
          name="nin"
          value={nin}
          onChange={setNin}
          required
          inputMode="numeric"
          dir="ltr"
        />
        <Select
          label={t('docType')}
          name="type"
          value={type}
          onChange={(v) => setType(v as DocumentType)}
          options={TYPES}
        />
        <Select
          label={t('reason')}
          name="reason"
          value={reason}
          onChange={(v) => setReason(v as ApplicationReason)}
          options={REASONS}
        />
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
        {receipt ? (
          <p className="ok" data-testid="receipt">
            {t('receipt')}: <strong dir="ltr">{receipt.application.number}</strong> ·{' '}
            <strong dir="ltr">{receipt.trackingCode}</strong> · {w(receipt.application.type)}
          </p>
        ) : null}
      </div>
    </Section>
  );
}

/** The agent's console: the queue of the agent's commune, decisions, the counter. */
export function Agent({ session }: { session: Session }) {
  const { t } = useI18n();
  return (
    <>
      <p className="hint">
        {t('agentOf')} <span dir="ltr">{session.commune}</span>
      </p>
      <Queue />
      <Counter />
    </>
  );
}
