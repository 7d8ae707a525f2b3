import { PROCEDURES, type DocumentTypeName } from './procedures.js';

/** The SMS texts; French, as the commune counters write them. */
export function readyMessage(app: {
  number: string;
  type: DocumentTypeName;
  counterCommuneCode: string;
}): string {
  return `Votre ${PROCEDURES[app.type].title} est prêt. Présentez-vous au guichet de la commune ${app.counterCommuneCode} avec le reçu ${app.number}.`;
}

export function rejectedMessage(app: { number: string }, reason: string): string {
  return `Votre demande ${app.number} a été rejetée : ${reason}. Renseignez-vous au guichet de votre commune.`;
}
