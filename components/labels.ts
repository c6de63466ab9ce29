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

export const GROUP_LABELS: Record<FieldGroup, string> = {
  destinataire: 'Destinataire',
  courrier: 'Courrier',
  expediteur: 'Expéditeur',
};
