import { useQuery } from '@apollo/client/react';
import { lazy, Suspense } from 'react';
import type { Session } from '../auth';
import { errorOf } from '../errors';
import { MyConsultationsDocument, MyRecordDocument } from '../gql/graphql';
import { History } from './History';
import { useI18n } from '../i18n';
import { ErrorNote, Section, TableWrap } from '../ui';

// The QR code and printing code load when the account opens, not with the kiosk.
const Extract = lazy(() => import('./Extract').then((m) => ({ default: m.Extract })));

function Consultations() {
  const { t, w, date } = useI18n();
  const { data, error, refetch } = useQuery(MyConsultationsDocument, {
    fetchPolicy: 'network-only',
  });
  const rows = data?.me?.consultations.nodes ?? [];
  return (
    <Section title={t('consultations')} id="consultations">
      <p>{t('consultationsHelp')}</p>
      <ErrorNote error={errorOf(error)} />
      <button type="button" className="secondary" onClick={() => void refetch()}>
        {t('reload')}
      </button>
      <TableWrap label={t('consultations')}>
        <table data-testid="consultations">
          <thead>
            <tr>
              <th scope="col">{t('when')}</th>
              <th scope="col">{t('who')}</th>
              <th scope="col">{t('why')}</th>
              <th scope="col">{t('what')}</th>
              <th scope="col">{t('outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c, i) => (
              <tr key={`${c.at}-${i}`}>
                <td>{date(c.at)}</td>
                <td>
                  {c.ministry
                    ? w(c.ministry)
                    : c.communeCode
                      ? `${t('agentOf')} ${c.communeCode}`
                      : w(c.principalKind)}
                </td>
                <td>{w(c.purpose)}</td>
                <td>{c.groups.map((g) => w(g)).join('، ')}</td>
                <td>{w(c.outcome)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </Section>
  );
}

/** The citizen's own account. */
export function Account({ session }: { session: Session }) {
  const { t, w, date, lang } = useI18n();
  const { data, error, loading } = useQuery(MyRecordDocument, { fetchPolicy: 'network-only' });
  const me = data?.me;
  return (
    <>
      <Section title={t('myRecord')}>
        {loading && !me ? <p>{t('loading')}</p> : null}
        <ErrorNote error={errorOf(error)} />
        {me ? (
          <dl className="result" data-testid="record">
            <dt>{t('name')}</dt>
            <dd>
              {lang === 'ar'
                ? `${me.givenNameAr} ${me.familyNameAr}`
                : `${me.givenNameLat} ${me.familyNameLat}`}
            </dd>
            <dt>{t('nin')}</dt>
            <dd dir="ltr">{me.nin}</dd>
            <dt>{t('birthDate')}</dt>
            <dd>{date(me.birthDate)}</dd>
            <dt>{t('birthCommune')}</dt>
            <dd>{lang === 'ar' ? me.birthCommune?.nameAr : me.birthCommune?.nameFr}</dd>
            <dt>{t('status')}</dt>
            <dd>
              {w(me.sex)} · {w(me.maritalStatus)}
            </dd>
          </dl>
        ) : null}
      </Section>
      <Consultations />
      <History />
      <Section title={t('myApplications')} id="applications">
        <ul className="items" data-testid="applications">
          {me?.applications.nodes.map((a) => (
            <li key={a.number}>
              <p>
                <strong dir="ltr">{a.number}</strong> · {w(a.type)} ·{' '}
                <span className={`status status-${a.status}`}>{w(a.status)}</span>
              </p>
              {a.rejectionReason ? (
                <p className="warning">
                  {t('rejected')}: <span dir="auto">{a.rejectionReason}</span>
                </p>
              ) : null}
              <details>
                <summary>{t('history')}</summary>
                <ol>
                  {a.history.map((h) => (
                    <li key={h.at + h.toStatus}>
                      {date(h.at)} · {w(h.toStatus)}
                      {h.reason ? (
                        <>
                          {' '}
                          · <span dir="auto">{h.reason}</span>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ol>
              </details>
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t('myRequests')}>
        <ul className="items">
          {me?.hygieneRequests.nodes.map((r) => (
            <li key={r.number}>
              <p>
                <strong dir="ltr">{r.number}</strong> · {w(r.category)} · {w(r.status)}
              </p>
              {r.justification ? <p dir="auto">{r.justification}</p> : null}
              <ol>
                {r.history.map((h) => (
                  <li key={h.at + h.toStatus}>
                    {date(h.at)} · {w(h.toStatus)}
                    {h.note ? (
                      <>
                        {' '}
                        · <span dir="auto">{h.note}</span>
                      </>
                    ) : null}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t('myDocuments')}>
        <ul className="items">
          {me?.documents.nodes.map((d) => (
            <li key={d.number}>
              <strong dir="ltr">{d.number}</strong> · {w(d.type)} · {w(d.status)} ·{' '}
              {date(d.issueDate)} → {date(d.expiryDate)}
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t('myVehicles')}>
        <ul className="items">
          {me?.vehicles.nodes.map((v) => (
            <li key={v.vin}>
              <strong dir="ltr">{v.plate}</strong> · {v.make} {v.model} ({v.year}) · {w(v.status)}
            </li>
          ))}
        </ul>
      </Section>
      {session.nin ? (
        <Suspense fallback={<p>{t('loading')}</p>}>
          <Extract nin={session.nin} />
        </Suspense>
      ) : null}
    </>
  );
}
