import { formatDzd } from '../kit/money.js';

/** The SMS a tenant receives with a formal notice; French, as the communes write them. */
export function formalNoticeMessage(n: {
  number: string;
  amountDueCentimes: number;
  deadline: string;
  assetInventoryNumber: string;
  communeCode: string;
}): string {
  return `Mise en demeure ${n.number} : loyers impayés de ${formatDzd(n.amountDueCentimes)} DA pour le bien ${n.assetInventoryNumber} (commune ${n.communeCode}). Réglez avant le ${n.deadline}, faute de quoi la commune saisira la justice.`;
}
