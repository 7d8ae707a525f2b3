import type { RequestRecord } from './request.type.js';

/** The SMS at closing; French, as the commune writes to its residents. */
export function closedMessage(
  request: Pick<RequestRecord, 'number'>,
  outcome: 'RESOLVED' | 'REJECTED',
  justification: string,
): string {
  const verdict = outcome === 'RESOLVED' ? 'a été traitée' : 'a été rejetée';
  return `Votre requête ${request.number} ${verdict} : ${justification}. Suivi avec ce numéro et votre téléphone.`;
}
