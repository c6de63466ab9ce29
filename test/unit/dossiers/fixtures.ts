/** Ladder templates shaped like the built-in ones (ids, kinds, levels, audiences), and a dossier builder. */
import type { LadderTemplate } from '../../../lib/dossiers/ladder';
import type { Dossier, DossierStep } from '../../../lib/dossiers/model';

const INVOICE_FIELDS = ['facture_numero', 'facture_date', 'montant', 'date_echeance', 'date_limite'];
const CIVILITE = { name: 'civilite', options: ['madame_monsieur', 'madame', 'monsieur', 'maitre'].map((value) => ({ value, label: value })) };

export function letter(id: string, patch: Partial<LadderTemplate> & { extra?: string[] } = {}): LadderTemplate {
  const { extra = [], ...rest } = patch;
  const audience = rest.audience ?? 'tous';
  const names = [...(audience === 'tous' ? ['type_client'] : []), ...INVOICE_FIELDS, 'destinataire_nom', ...extra];
  return {
    uid: `${rest.packId ?? 'modeles-base'}/${id}`,
    id,
    packId: 'modeles-base',
    title: `Lettre ${id}`,
    audience,
    channel: 'email',
    fields: [CIVILITE, ...names.map((name) => ({ name }))],
    ...rest,
  };
}

/** The built-in ladder, in short. */
export const LIBRARY: LadderTemplate[] = [
  letter('rappel-avant-echeance-60-jours', { kind: 'relance', level: 0, audience: 'entreprise' }),
  letter('premier-rappel-courtois', { kind: 'relance', level: 1 }),
  letter('rappel-paiement-en-retard', { kind: 'relance', level: 1 }),
  letter('cheque-rejete-demande-regularisation', { kind: 'relance', level: 1, extra: ['cheque_numero'] }),
  letter('deuxieme-relance-facture', { kind: 'relance', level: 2, extra: ['date_premiere_relance'] }),
  letter('relance-fournisseur-materiaux', { kind: 'relance', level: 2, audience: 'entreprise', extra: ['relances_precedentes'] }),
  letter('annonce-mesures-contraignantes', { kind: 'relance', level: 3, extra: ['relances_precedentes'] }),
  letter('application-penalites-retard-cgv', { kind: 'relance', level: 3, audience: 'entreprise', channel: 'lettre', extra: ['relances_precedentes'] }),
  letter('transfert-dossier-cabinet-recouvrement', { kind: 'relance', level: 3, channel: 'lettre', extra: ['relances_precedentes'] }),
  letter('dernier-rappel-avant-recouvrement', { kind: 'relance_multiple', level: 3 }),
  letter('mise-en-demeure-payer-facture', { kind: 'mise_en_demeure', channel: 'lettre', extra: ['relances_precedentes'] }),
  letter('mise-en-demeure-procedure-recouvrement', { kind: 'mise_en_demeure', channel: 'lettre', extra: ['relances_precedentes'] }),
  letter('mandat-recouvrement-commissaire-justice', { kind: 'mandat_recouvrement', audience: 'entreprise', channel: 'lettre', extra: ['relances_precedentes', 'date_mise_en_demeure', 'debiteur'] }),
  letter('remerciement-paiement-rapide', { kind: 'remerciement', extra: ['date_paiement', 'montant_recu'] }),
  letter('accuse-reception-reglement', { kind: 'accuse_reception', extra: ['date_paiement', 'montant_recu', 'solde_restant'] }),
  letter('remerciement-prestation-qualite-prix', { kind: 'remerciement', audience: 'entreprise' }),
  letter('envoi-facture-client', { kind: 'envoi_facture' }),
];

export const byId = (id: string) => LIBRARY.find((t) => t.id === id)!;

export function step(date: string, rank: number | null, id = 'x', extra: Partial<DossierStep> = {}): DossierStep {
  return { date, rank, uid: `modeles-base/${id}`, title: `Lettre ${id}`, ...extra };
}

export function dossier(patch: Partial<Dossier> = {}): Dossier {
  return {
    id: 'd1',
    invoice: 'FA-2026-0142',
    client: 'pro',
    recipient: { email: 'jean.dupont@client-exemple.fr', name: 'Dupont', company: 'Durand SARL', civilite: 'monsieur', address: '' },
    amount: 1250,
    invoiceDate: '2026-09-15',
    dueDate: '2026-10-15',
    steps: [],
    status: 'ouvert',
    createdAt: '2026-10-20T09:00:00.000Z',
    updatedAt: '2026-10-20T09:00:00.000Z',
    ...patch,
  };
}
