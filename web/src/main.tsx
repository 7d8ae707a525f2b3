import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './apollo';
import { App } from './App';
import { I18nProvider } from './i18n';
import './styles.css';
import { completeSignIn } from './auth';

// The identity provider's answer, read once before anything renders (and before React's
// development double-run of effects could read it twice).
async function start() {
  if (location.pathname === '/signed-in') {
    const done = await completeSignIn();
    history.replaceState(null, '', done?.returnTo ?? '/');
  }
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ApolloProvider client={createClient()}>
        <I18nProvider>
          <App />
        </I18nProvider>
      </ApolloProvider>
    </StrictMode>,
  );
}
void start();
