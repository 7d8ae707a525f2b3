import { CombinedGraphQLErrors } from '@apollo/client';

/** The first error code of a failed operation, and the server's own message for it. */
export function errorOf(error: unknown): { code: string; message: string } | null {
  if (!error) return null;
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = (first?.extensions?.code as string | undefined) ?? 'ERROR';
    return { code, message: first?.message ?? '' };
  }
  return { code: 'NETWORK', message: error instanceof Error ? error.message : String(error) };
}
