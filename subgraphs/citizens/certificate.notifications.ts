import { CERTIFICATE_PROCEDURES, type CertificateTypeName } from './certificate.procedures.js';

/** The SMS texts; French, as the civil-status offices write them. */
export function approvedMessage(request: { number: string; type: CertificateTypeName }): string {
  return `Votre ${CERTIFICATE_PROCEDURES[request.type].title} (demande ${request.number}) est signé et prêt : retrouvez-le dans votre espace ou à la borne.`;
}

export function refusedMessage(request: { number: string }, justification: string): string {
  return `Votre demande ${request.number} a été refusée : ${justification}. Renseignez-vous au guichet de votre commune.`;
}
