/**
 * Words people use for the same situation. A query word or phrase from a group
 * also finds templates written with another member of the group, at a slightly
 * lower score than the exact word. Phrases are matched on stems, stop words
 * ignored (« retard de paiement » = « retard paiement »).
 *
 * Keep groups narrow: « retard » alone is not « impayé » (a delivery can be late).
 */
export const SYNONYM_GROUPS: string[][] = [
  ['impayé', 'non payé', 'non réglé', 'pas payé', 'pas réglé', 'retard de paiement', 'paiement en retard', 'facture en souffrance', 'défaut de paiement', 'non honoré', 'pas honoré'],
  ['relance', 'rappel', 'relancer', 'rappeler'],
  ['deuxième', '2e', '2ème', 'second', 'seconde'],
  ['mise en demeure', 'med', 'mettre en demeure', 'dernier avertissement'],
  ['remerciement', 'remercier', 'merci'],
  ['excuses', 'excuser', 'désolé', 'pardon', 'regrets'],
  ['échéancier', 'étalement', 'étaler', 'échelonnement', 'échelonner', 'paiement échelonné', 'paiement en plusieurs fois', 'plan de paiement', 'plan de remboursement', 'mensualités'],
  ['délai', 'report', 'reporter', 'prolongation', 'prolonger', 'repousser', 'délai supplémentaire', 'proroger', 'prorogation'],
  ['devis', 'estimation', 'chiffrage', 'estimatif', 'demande de prix', 'proposition de prix'],
  ['abîmé', 'endommagé', 'cassé', 'détérioré', 'avarié'],
  ['défectueux', 'en panne', 'ne fonctionne pas', 'défaillant'],
  ['colis', 'paquet'],
  ['livraison', 'livrer', 'expédition', 'expédier', 'acheminement'],
  ['remboursement', 'rembourser', 'restituer'],
  ['annulation', 'annuler', 'résiliation', 'résilier'],
  ['erreur', 'erroné', 'incorrect', 'se tromper', 'trompé', 'faux'],
  ['réclamation', 'plainte', 'contestation', 'contester', 'litige', 'se plaindre'],
  ['client', 'acheteur', 'clientèle'],
  ['fournisseur', 'prestataire', 'vendeur'],
  ['traite', 'lettre de change', 'billet à ordre', 'effet de commerce', 'lcr'],
  ['acompte', 'arrhes', 'avance'],
  ['félicitations', 'féliciter', 'bravo'],
  ['invitation', 'inviter', 'convier', 'convocation'],
  ['tarif', 'prix', 'tarifs', 'grille tarifaire'],
  ['hausse', 'augmentation', 'augmenter', 'majoration'],
  ['rendez-vous', 'rdv', 'entrevue'],
  ['sans provision', 'rejeté', 'refusé par la banque', 'en bois'],
  ['virement', 'paiement par virement'],
  ['paiement', 'règlement', 'payer', 'régler', 'versement'],
];
