import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { Session } from '../auth';
import { errorOf } from '../errors';
import { disclosuresOf, present } from '../extract';
import {
  IssueBirthExtractDocument,
  MyConsultationsDocument,
  MyRecordDocument,
  PrintableBirthExtractDocument,
} from '../gql/graphql';
import { openPrintable } from '../print-extract';
import { History } from './History';
import { useI18n } from '../i18n';
import { ErrorNote, Section } from '../ui';

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
      <div className="table-wrap">
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
      </div>
    </Section>
  );
}

function Extract({ nin }: { nin: string }) {
  const { t, lang } = useI18n();
  const [issue, { data, error, loading }] = useMutation(IssueBirthExtractDocument);
  const [printable, printing] = useLazyQuery(PrintableBirthExtractDocument, {
    fetchPolicy: 'network-only',
  });
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [qr, setQr] = useState<string | null>(null);
  const credential = data?.issueBirthExtract.credential;
  const presentation = credential ? present(credential, chosen) : null;
  useEffect(() => {
    if (!presentation) return setQr(null);
    void QRCode.toDataURL(presentation, { errorCorrectionLevel: 'L', margin: 2, width: 320 }).then(
      setQr,
    );
  }, [presentation]);
  const fields = credential ? disclosuresOf(credential) : [];
  return (
    <Section title={t('myExtract')}>
      <ErrorNote error={errorOf(error)} />
      {!credential ? (
        <button type="button" disabled={loading} onClick={() => void issue({ variables: { nin } })}>
          {t('issueExtract')}
        </button>
      ) : (
        <div className="extract">
          <fieldset>
            <legend>{t('chooseFields')}</legend>
            {fields.map((f) => (
              <label key={f.name} className="check">
                <input
                  type="checkbox"
                  name={f.name}
                  checked={chosen.has(f.name)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(f.name);
                    else next.delete(f.name);
                    setChosen(next);
                  }}
                />
                <span dir="ltr">{f.name}</span>: <span dir="auto">{String(f.value)}</span>
              </label>
            ))}
          </fieldset>
          <div>
            {qr ? (
              <img
                src={qr}
                alt={`QR ${data?.issueBirthExtract.code ?? ''}`}
                width={320}
                height={320}
              />
            ) : null}
            <p dir="ltr">{data?.issueBirthExtract.code}</p>
            <textarea
              readOnly
              aria-label={t('extractCode')}
              dir="ltr"
              rows={3}
              value={presentation ?? ''}
            />
            <ErrorNote error={errorOf(printing.error)} />
            <button
              type="button"
              className="secondary"
              disabled={!presentation || printing.loading}
              onClick={() => {
                if (!presentation) return;
                void printable({ variables: { presentation } }).then((res) => {
                  const html = res.data?.printableBirthExtract.html;
                  if (html) openPrintable(html);
                });
              }}
            >
              {lang === 'ar'
                ? 'طباعة المستخرج (عربي وفرنسي)'
                : "Imprimer l'extrait (arabe et français)"}
            </button>
          </div>
        </div>
      )}
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
      {session.nin ? <Extract nin={session.nin} /> : null}
    </>
  );
}
