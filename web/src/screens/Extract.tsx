import { useLazyQuery, useMutation } from '@apollo/client/react';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { errorOf } from '../errors';
import { disclosuresOf, present } from '../extract';
import { IssueBirthExtractDocument, PrintableBirthExtractDocument } from '../gql/graphql';
import { openPrintable } from '../print-extract';
import { useI18n } from '../i18n';
import { ErrorNote, Section } from '../ui';

/** The citizen's extract: the facts they choose to disclose, as a QR code and on paper. */
export function Extract({ nin }: { nin: string }) {
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
