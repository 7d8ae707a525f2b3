import { useApolloClient } from '@apollo/client/react';
import { lazy, Suspense, useState, type MouseEvent } from 'react';
import { currentSession, signIn, signOut, takeSignInProblem, type Session } from './auth';
import { useI18n, type Key } from './i18n';
import { navigate, usePath } from './router';
import { Account } from './screens/Account';
import { Agent } from './screens/Agent';
import { Kiosk } from './screens/Kiosk';

// The dashboard (charts, the wilayas' outlines) loads only for a ministry that opens it.
const Dashboard = lazy(() => import('./screens/Dashboard').then((m) => ({ default: m.Dashboard })));

const NAV: { path: string; key: Key; kind?: Session['kind'] }[] = [
  { path: '/', key: 'navKiosk' },
  { path: '/account', key: 'navAccount', kind: 'citizen' },
  { path: '/agent', key: 'navAgent', kind: 'agent' },
  { path: '/dashboard', key: 'navDashboard', kind: 'ministry' },
];

function NeedsSignIn({
  path,
  kind,
  session,
}: {
  path: string;
  kind: Session['kind'];
  session: Session | null;
}) {
  const { t } = useI18n();
  return (
    <div className="card">
      <p>{session && session.kind !== kind ? t('wrongRole') : t('signInNeeded')}</p>
      <button type="button" onClick={() => void signIn(path)}>
        {t('signIn')}
      </button>
    </div>
  );
}

export function App() {
  const { t, lang, setLang } = useI18n();
  const client = useApolloClient();
  const path = usePath();
  const [session, setSession] = useState<Session | null>(currentSession);
  const [problem] = useState(takeSignInProblem);

  const go = (to: string) => (e: MouseEvent) => {
    e.preventDefault();
    navigate(to);
  };
  const route = NAV.find((n) => n.path === path) ?? NAV[0]!;
  let main;
  if (route.kind && session?.kind !== route.kind) {
    main = <NeedsSignIn path={route.path} kind={route.kind} session={session} />;
  } else if (route.path === '/account') main = <Account session={session!} />;
  else if (route.path === '/agent') main = <Agent session={session!} />;
  else if (route.path === '/dashboard')
    main = (
      <Suspense fallback={<p>{t('loading')}</p>}>
        <Dashboard />
      </Suspense>
    );
  else main = <Kiosk />;

  return (
    <>
      <a className="skip" href="#main">
        {t('skip')}
      </a>
      <header className="top">
        <p className="brand">{t('appTitle')}</p>
        <nav aria-label={t('appTitle')}>
          <ul>
            {NAV.map((n) => (
              <li key={n.path}>
                <a
                  href={n.path}
                  onClick={go(n.path)}
                  aria-current={n.path === route.path ? 'page' : undefined}
                >
                  {t(n.key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="tools">
          {/* Named by what it shows, the other language's name in that language (WCAG 2.5.3:
              a voice user says what they see); what it does is its description. */}
          <button
            type="button"
            className="secondary"
            aria-describedby="language-help"
            onClick={() => setLang(lang === 'ar' ? 'fr' : 'ar')}
          >
            <span lang={lang === 'ar' ? 'fr' : 'ar'}>{t('language')}</span>
          </button>
          <span id="language-help" className="visually-hidden">
            {t('languageLabel')}
          </span>
          {session ? (
            <>
              <span className="who" dir="ltr">
                {session.sub}
              </span>
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  signOut();
                  setSession(null);
                  void client.clearStore();
                  navigate('/');
                }}
              >
                {t('signOut')}
              </button>
            </>
          ) : (
            <button type="button" onClick={() => void signIn(route.path)}>
              {t('signIn')}
            </button>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <h1>{t(route.key)}</h1>
        {problem ? (
          <p className="error" role="alert" data-testid="sign-in-refused">
            {t(`signInRefused_${problem}`)}
          </p>
        ) : null}
        {main}
      </main>
    </>
  );
}
