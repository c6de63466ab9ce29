/**
 * Search by theme: short, natural queries an office worker types (no accents,
 * typos, other words than the title's), each expecting the right template
 * among the first five results. One table per theme of the library.
 */
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../lib/search/engine';
import { loadLibrary } from '../../../lib/templates/load';
import { TEMPLATES_DIR } from '../helpers';

const { library } = loadLibrary(TEMPLATES_DIR);
const index = new SearchIndex(library.templates);

/** [query, templates a user would accept]. */
const THEMES: Record<string, [string, string[]][]> = {
  'commandes, livraisons, retours et annulations': [
    ['colis abime excuses', ['excuses-commande-arrivee-endommagee', 'produit-abime-envoi-neuf']],
    ['client na pas recu toute la quantite', ['reponse-quantite-non-recue']],
    ['erreur de livraison excuses', ['excuses-erreur-livraison', 'excuses-retard-erreur-expedition']],
    ['retard livraison excuses client', ['excuses-retard-commande', 'excuses-retard-erreur-expedition']],
    ['rupture de stock', ['rupture-stock-delai', 'rupture-stock-remplacement-gratuit']],
    ['proposer produit equivalent', ['proposition-produit-equivalent']],
    ['droit de retractation remboursement', ['retractation-vente-distance']],
    ['retractation hors delai demarchage', ['refus-remboursement-demarchage-hors-delai']],
    ['annuler une commande', ['annulation-commande-simple', 'annulation-commande-erronee', 'annulation-commande-tresorerie']],
    ['refuser annulation force majeure', ['refus-annulation-force-majeure']],
    ['accepter annulation client', ['accord-annulation-erreur-client', 'accord-annulation-tresorerie-client', 'accord-annulation-retard-livraison', 'accord-annulation-article-non-conforme']],
    ['mise en demeure de livrer', ['mise-en-demeure-livrer-sous-peine-annulation', 'mise-en-demeure-livrer-prejudice', 'mise-en-demeure-livrer-action-justice', 'mise-en-demeure-livrer-sous-peine-rupture', 'mise-en-demeure-livrer-avant-annulation']],
    ['fournisseur livre pas relance', ['premiere-relance-livraison-courtoise', 'livraison-attendue-demande-raison', 'reclamation-delai-bon-commande-non-respecte']],
    ['indemnites retard livraison', ['relance-indemnites-retard-livraison']],
    ['colis perdu transporteur', ['reclamation-transporteur-non-livraison', 'retard-livraison-demande-transporteur']],
    ['marchandise endommagee fournisseur', ['avarie-marchandises-information-fournisseur', 'avarie-demande-remplacement', 'reclamation-emballage-endommage-fournisseur']],
    ['retour marchandise non conforme', ['retour-commande-non-conforme-expediteur', 'livraison-non-conforme-commande-fournisseur']],
    ['article non conforme garantie', ['reclamation-article-non-conforme-particulier']],
    ['echange article', ['echange-en-cours-contrepartie', 'accuse-reception-demande-echange']],
    ['confirmation de commande', ['confirmation-prise-en-compte-commande', 'confirmation-commande-telephone']],
    ['commande expediee suivi colis', ['avis-expedition-commande']],
    ['bon de commande', ['modele-bon-de-commande', 'bon-commande-fournisseur']],
    ['demande echantillons', ['demande-echantillons']],
    ['contre remboursement', ['expedition-contre-remboursement']],
    ['rayure produit livre', ['rayure-legere-geste-commercial']],
    ['merci premiere commande', ['remerciement-premiere-commande']],
    ['client inactif relance', ['relance-client-inactif']],
    ['reparation garantie trop longue', ['garantie-reparation-trop-longue']],
    ['livreur negligent', ['plainte-livreur-negligent-fournisseur', 'excuses-incident-negligence-livraison']],
    ['comande urgente fournisseur', ['commande-urgente-fournisseur']],
  ],
  'paiements, relances et recouvrement (chèques, effets, avoirs, factures, crédit, recouvrement)': [
    ['cheque non signe', ['cheque-non-signe', 'cheque-non-signe-ou-absent', 'desistement-cheque-non-signe']],
    ['cheque oublie dans l enveloppe', ['cheque-non-signe-ou-absent']],
    ['cheque mauvais montant', ['cheque-montant-errone', 'desistement-cheque-montant-errone']],
    ['cheque mauvais ordre', ['cheque-ordre-errone', 'desistement-cheque-ordre-errone']],
    ['lettre de desistement cheque', ['desistement-cheque-montant-errone', 'desistement-cheque-non-signe', 'desistement-cheque-ordre-errone', 'desistement-cheque-egare', 'desistement-cheque-jamais-recu']],
    ['cheque sans provision', ['information-cheque-sans-provision', 'cheque-sans-provision-nouvelle-presentation', 'cheque-sans-provision-nouveau-contrat', 'relance-ferme-cheque-impaye']],
    ['certficat de non paiment', ['demande-certificat-non-paiement-banque']],
    ['interdit bancaire regularisation', ['regularisation-interdiction-bancaire']],
    ['report traite', ['accord-prorogation-traite', 'refus-prorogation-traite']],
    ['refus prorogation lettre de change', ['refus-prorogation-traite']],
    ['escompte traites banque', ['remise-traites-escompte']],
    ['envoyer traite avec facture', ['envoi-traite-avec-facture']],
    ['avoir produit abime', ['excuses-produit-abime-avoir']],
    ['avoir refuse sur mesure', ['refus-avoir-sur-mesure-denrees']],
    ['article pas retourne avoir', ['article-non-recu-pour-avoir']],
    ['facture plus chere que le devis', ['contestation-facture-superieure-devis', 'reglement-limite-au-devis', 'demande-facture-rectifiee-conforme-devis', 'demande-explications-ecart-devis-facture']],
    ['facture rectificative erreur', ['reponse-erreur-facture-rectificative', 'correction-facture-trop-elevee']],
    ['trop percu remboursement', ['remboursement-trop-percu']],
    ['paiement incomplet', ['reglement-incomplet-demande-complement']],
    ['reserve de propriete', ['revendication-reserve-propriete']],
    ['declaraton de creance liquidation', ['declaration-creance-procedure-collective']],
    ['certificat irrecouvrabilite', ['demande-certificat-irrecouvrabilite']],
    ['confier creance huissier', ['mandat-recouvrement-commissaire-justice']],
    ['refuser credit client', ['refus-paiement-credit']],
    ['cloturer compte client impayes', ['cloture-compte-client-impayes']],
    ['acompte manquant commande', ['acompte-manquant-commande']],
    ['demander un acompte', ['demande-acompte-vente', 'acompte-manquant-commande']],
    ['facture deja payee fournisseur relance', ['reponse-reclamation-facture-deja-reglee']],
    ['frais de port factures a tort', ['reclamation-frais-livraison-factures-tort']],
    ['erreur paiement carte bancaire', ['signalement-erreur-paiement-carte-banque']],
    ['remise paiement anticipe', ['remise-paiements-anticipes', 'escompte-paiement-rapide-detaillant']],
    ['merci clients bons payeurs', ['remerciement-clients-paient-dans-les-delais', 'remerciement-ponctualite-client']],
    ['relancer un devis', ['relance-devis-client-potentiel']],
    ['retard paiement urssaf', ['demande-delai-paiement-urssaf']],
  ],
  'réclamations, excuses, remerciements': [
    ['reponse reclamation client mecontent', ['reponse-reclamation-mauvais-service']],
    ['emballage abime reclamation', ['reponse-reclamation-emballage-defectueux']],
    ['excuses erreur facturation clients', ['excuses-erreur-envers-clients']],
    ['excuse service mediocre', ['excuses-clientele-service-mediocre', 'excuses-service-mauvaise-qualite']],
    ['erratum catalogue prix faux', ['excuses-catalogue-fautes-impression']],
    ['merci visite usine', ['remerciement-visite-usine']],
    ['refuser dedommagement plainte', ['refus-plainte-responsabilite-contestee']],
    ['produit defectueux reparation gratuite', ['excuses-produit-defectueux-reparation']],
    ['colis incomplet piece manquante excuses', ['excuses-produit-incomplet']],
    ['feliciter client nouveau magasin', ['felicitations-client-nouveaux-locaux']],
    ['produit en panne sous garantie', ['reponse-produit-defectueux-garantie', 'reclamation-fabricant-garantie-commerciale']],
    ['transmettre reclamation autre service', ['transmission-reclamation-autre-service']],
    ['merci reponse enquete satisfaction', ['remerciement-reponses-enquete-satisfaction']],
    ['vendeur impoli plainte magasin', ['plainte-mauvais-accueil-magasin']],
    ['dossier en retard excuses', ['excuses-retard-traitement-dossier']],
    ['remercier clients fideles', ['remerciement-fidelite-meilleurs-clients']],
    ['blesse par un employe', ['plainte-employeur-client-blesse']],
    ['chantier en retard plainte', ['plainte-retard-travaux-inefficacite']],
    ['demande dedommagement artisan', ['reclamation-defaut-demande-dedommagement']],
    ['sav injoignable', ['reclamation-fournisseur-service-apres-vente']],
    ['injonction de faire', ['requete-injonction-de-faire']],
    ['expert comptable erreur', ['reclamation-expert-comptable-erreurs']],
    ['annuler rendez-vous excuses', ['excuses-annulation-rendez-vous']],
    ['reponse tardive excuses', ['excuses-reponse-tardive-client', 'excuses-reponse-tardive-client-ami']],
    ['erreur releve de compte', ['excuses-erreur-releve-compte']],
    ['travaux pas finis dans les delais', ['excuses-travaux-non-termines', 'plainte-retard-travaux-inefficacite']],
    ['feliciter fournisseur produit', ['compliment-fournisseur-qualite-produit', 'felicitations-fournisseur-nouveau-produit']],
    ['remerciment prestatere', ['remerciement-prestataire-mission-reussie', 'remerciement-prestataire-enquete']],
  ],
};

describe.each(Object.entries(THEMES))('search: %s', (_, queries) => {
  it.each(queries)('« %s » finds the right letter among the first five', (query, expected) => {
    const ids = index.search(query, 5).map((h) => h.id);
    expect(ids.some((id) => expected.includes(id)), `${query} → ${ids.join(', ')}`).toBe(true);
  });
});
