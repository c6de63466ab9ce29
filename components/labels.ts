/** French labels for template metadata shown in the UI. */
import type { Audience, FieldGroup } from '../lib/templates/types';

const CATEGORIES: Record<string, string> = {
  paiements: 'Paiements et recouvrement',
  commandes: 'Commandes et livraisons',
  reclamations: 'Réclamations et remerciements',
  annonces: 'Annonces et commercial',
  personnel: 'Mes modèles',
};

export function categoryLabel(category: string): string {
  return CATEGORIES[category] ?? category;
}

export function audienceLabel(audience: Audience): string {
  return { entreprise: 'Professionnels', particulier: 'Particuliers', tous: 'Pros et particuliers' }[audience];
}

/** Where a letter stands on the payment ladder, when it is on it: « 2e relance », « mise en demeure ». */
export function stepLabel(t: { kind?: string; level?: number }): string | null {
  if (t.kind === 'mise_en_demeure') return 'Mise en demeure';
  if (t.kind !== 'relance' || t.level === undefined) return null;
  return ['Avant échéance', '1re relance', '2e relance', 'Dernière relance'][t.level] ?? null;
}

export const GROUP_LABELS: Record<FieldGroup, string> = {
  destinataire: 'Destinataire',
  courrier: 'Courrier',
  expediteur: 'Expéditeur',
};
