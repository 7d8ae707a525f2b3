import { useQuery } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { errorOf } from '../errors';
import { MyHistoryDocument, type MyHistoryQuery } from '../gql/graphql';
import { useI18n } from '../i18n';
import { ErrorNote, Section } from '../ui';

type Item = NonNullable<NonNullable<MyHistoryQuery['me']>['history']>['edges'][number]['node'];

/** Where an item comes from, in the page's language (the graph names it in English). */
const DOMAINS: Record<string, { ar: string; fr: string }> = {
  CITIZENS: { ar: 'الحالة المدنية', fr: 'État civil' },
  DOCUMENTS: { ar: 'الوثائق', fr: 'Documents' },
  VEHICLES: { ar: 'المركبات', fr: 'Véhicules' },
  HYGIENE: { ar: 'مكتب النظافة', fr: "Bureau d'hygiène" },
  PATRIMONY: { ar: 'أملاك البلدية', fr: 'Patrimoine communal' },
  DISPUTES: { ar: 'المنازعات', fr: 'Contentieux' },
  ASSOCIATIONS: { ar: 'الجمعيات', fr: 'Associations' },
};

/** The citizen's history across the services, newest first; more on demand. */
export function History() {
  const { w, date, lang } = useI18n();
  const [pages, setPages] = useState<(string | null)[]>([null]);
  return (
    <Section title={lang === 'ar' ? 'سجلي الإداري' : 'Mon historique administratif'} id="history">
      <ul className="items" data-testid="history">
        {pages.map((after, i) => (
          <HistoryPage
            key={after ?? 'first'}
            after={after}
            last={i === pages.length - 1}
            onMore={(cursor) => setPages([...pages, cursor])}
            render={(item) => (
              <li key={item.key}>
                {date(item.at)} · {DOMAINS[item.domain]?.[lang] ?? item.domain} ·{' '}
                <span dir="ltr">{item.title}</span> · <strong dir="ltr">{item.itemId}</strong>
                {item.status ? <> · {w(item.status)}</> : null}
              </li>
            )}
          />
        ))}
      </ul>
    </Section>
  );
}

function HistoryPage(props: {
  after: string | null;
  last: boolean;
  onMore: (cursor: string) => void;
  render: (item: Item) => ReactNode;
}) {
  const { lang } = useI18n();
  const { data, error } = useQuery(MyHistoryDocument, {
    variables: { after: props.after },
    fetchPolicy: 'network-only',
  });
  const history = data?.me?.history;
  return (
    <>
      <ErrorNote error={errorOf(error)} />
      {history?.edges.map((e) => props.render(e.node))}
      {props.last && history?.pageInfo.hasNextPage && history.pageInfo.endCursor ? (
        <li>
          <button
            type="button"
            className="secondary"
            onClick={() => props.onMore(history.pageInfo.endCursor!)}
          >
            {lang === 'ar' ? 'المزيد' : 'Plus'}
          </button>
        </li>
      ) : null}
    </>
  );
}
