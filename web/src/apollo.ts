import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { currentSession } from './auth';

/** The name the gateway knows this client by: in production it runs only this build's operations. */
export const CLIENT_NAME = 'ecg-web';

export function createClient(): ApolloClient {
  const auth = new SetContextLink((prevContext) => {
    const session = currentSession();
    return {
      headers: {
        ...prevContext.headers,
        ...(session ? { authorization: `Bearer ${session.token}` } : {}),
      },
    };
  });
  return new ApolloClient({
    link: ApolloLink.from([auth, new HttpLink({ uri: '/graphql' })]),
    cache: new InMemoryCache(),
    clientAwareness: { name: CLIENT_NAME, version: '1' },
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}

/** The X-Purpose header an operation states (agents and ministries read for a purpose). */
export const purpose = (code: string) => ({ headers: { 'x-purpose': code } });
