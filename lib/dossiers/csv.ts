/**
 * The dossiers as a CSV file for the accounts department, the way French
 * spreadsheets open it: UTF-8 with a byte-order mark, « ; » between columns,
 * decimal comma, dates as 23/11/2026, CRLF line ends. A text cell that a
 * spreadsheet would read as a formula (= + - @) is prefixed with « ' ».
 */
import { formatShortDate, type IsoDate } from '../render/format';
import { rankLabel } from './ladder';
import { clientLabel, daysOverdue, type Dossier } from './model';

export const CSV_COLUMNS = [
  'N° de facture',
  'Client',
  'E-mail',
  'Société',
  'Type de client',
  'Montant dû (€)',
  'Date de facture',
  'Échéance',
  'Jours de retard',
  'Statut',
  'Dernière lettre',
  'Date de la dernière lettre',
  'Prochaine étape',
  'À partir du',
  'Payée le',
  'Historique',
] as const;

/** One cell, quoted when needed; text that would start a formula is neutralised. */
export function csvCell(value: string, text = true): string {
  let v = value.replace(/\r\n?/g, '\n');
  if (text && /^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const day = (d: IsoDate | null | undefined) => (d ? formatShortDate(d) : '');

export function dossiersCsv(dossiers: readonly Dossier[], next: (d: Dossier) => { label: string; from: IsoDate } | null, today: IsoDate): string {
  const rows = dossiers.map((d) => {
    const last = d.steps.findLast((s) => s.rank !== null);
    const n = d.status === 'ouvert' ? next(d) : null;
    const overdue = d.status === 'ouvert' ? daysOverdue(d, today) : null;
    const history = d.steps
      .map((s) => `${day(s.date)} ${s.rank === null ? s.title : rankLabel(s.rank)}${s.registered ? ` (recommandé${s.registered.number ? ` n° ${s.registered.number}` : ''})` : ''}`)
      .join(' ; ');
    const cells: [string, boolean][] = [
      [d.invoice, true],
      [clientLabel(d), true],
      [d.recipient.email, true],
      [d.recipient.company, true],
      [d.client === 'pro' ? 'professionnel' : 'particulier', true],
      [d.amount === null ? '' : d.amount.toFixed(2).replace('.', ','), false],
      [day(d.invoiceDate), false],
      [day(d.dueDate), false],
      [overdue === null ? '' : String(overdue), false],
      [d.status === 'paye' ? 'payée' : 'en cours', true],
      [last ? rankLabel(last.rank) : '', true],
      [last ? day(last.date) : '', false],
      [n?.label ?? '', true],
      [n ? day(n.from) : '', false],
      [day(d.paidOn), false],
      [history, true],
    ];
    return cells.map(([v, t]) => csvCell(v, t)).join(';');
  });
  return `\uFEFF${[CSV_COLUMNS.map((c) => csvCell(c)).join(';'), ...rows].join('\r\n')}\r\n`;
}
