/**
 * The query table of library.test.ts: realistic short queries, grouped by the
 * way office workers type them, each with the templates a user would accept
 * first. Written from the templates' titles and keywords, not from the engine:
 * a query that fails stays, the engine is what changes.
 *
 *  - classique: the wording of the letters, without accents;
 *  - abreviations: AR, BL, BC, LCR, RIB, CGV, SAV, MED, LRAR, HT/TTC, PV, NDF…;
 *  - familier: colloquial verbs and adjectives for what went wrong;
 *  - evenements: life events said plainly (« je change de poste », « on déménage »);
 *  - homographes: a word that is both a common verb and a business noun
 *    (« avoir », « doit », « remise », « traite », « avance »);
 *  - fautes: typos and missing letters.
 */
const FIRST_REMINDERS = ['relance-courtoise-obligations', 'premier-rappel-courtois', 'rappel-paiement-en-retard', 'reclamation-paiement-facture', 'lettre-relance-retard-paiement', 'relance-nouveau-client', 'relance-client-regulier', 'relance-amiable-recouvrement'];
const FORMAL_NOTICES = ['mise-en-demeure-payer-facture', 'mise-en-demeure-petite-entreprise', 'mise-en-demeure-proposition-rencontre', 'mise-en-demeure-procedure-recouvrement', 'mise-en-demeure-regulariser-paiements'];
const PLANS = ['echeancier-client-difficulte', 'suggestion-echeancier-dette', 'echeancier-apres-premiere-relance'];
const DELAYS_GRANTED = ['accord-report-echeance-difficultes', 'accord-report-echeance-engagement-ecrit', 'accord-report-avec-frais', 'accord-delais-paiement-supplementaires', 'delai-exceptionnel-sans-penalites'];
const REFUSALS = ['refus-report-echeance', 'refus-prolongation-delais-motive', 'refus-prolongation-bon-client'];
/** Formal notices to a supplier that does not deliver. */
const DELIVERY_NOTICES = ['mise-en-demeure-livrer-sous-peine-annulation', 'mise-en-demeure-livrer-prejudice', 'mise-en-demeure-livrer-action-justice', 'mise-en-demeure-livrer-sous-peine-rupture', 'mise-en-demeure-livrer-avant-annulation'];
/** A parcel or goods that arrived damaged, whichever side writes. */
const DAMAGED = ['excuses-commande-arrivee-endommagee', 'produit-abime-envoi-neuf', 'excuses-produit-endommage', 'excuses-produit-abime-avoir', 'reponse-reclamation-emballage-defectueux', 'avarie-marchandises-information-fournisseur', 'avarie-demande-remplacement', 'reclamation-emballage-endommage-fournisseur', 'retour-commande-non-conforme-expediteur'];
/** Credit notes (« avoir », the noun) given to a customer. */
const CREDIT_NOTES_GIVEN = ['accord-avoir-apres-retour', 'proposition-avoir-au-lieu-remboursement', 'excuses-produit-abime-avoir', 'avoir-pieces-manquantes-achetees', 'avoir-produit-defectueux-rachete', 'article-non-recu-pour-avoir', 'correction-facture-trop-elevee'];
const CREDIT_NOTES = [...CREDIT_NOTES_GIVEN, 'refus-avoir-demande-injustifiee', 'refus-avoir-sur-mesure-denrees', 'demande-avoir-erreur-facture', 'retour-article-contre-credit', 'accord-reprise-commande-baisse-activite'];
const WAIVERS = ['desistement-cheque-montant-errone', 'desistement-cheque-non-signe', 'desistement-cheque-ordre-errone', 'desistement-cheque-egare', 'desistement-cheque-jamais-recu'];
const BOUNCED_CHEQUES = ['information-cheque-sans-provision', 'cheque-sans-provision-nouvelle-presentation', 'cheque-sans-provision-nouveau-contrat', 'relance-ferme-cheque-impaye', 'cheque-rejete-demande-regularisation'];
const ORDER_CANCELLATIONS = ['annulation-commande-simple', 'annulation-commande-erronee', 'annulation-commande-tresorerie', 'annulation-commande-retard-livraison', 'annulation-commande-stock-invendu'];
const TERMINATIONS = ['resiliation-contrat-prestataire-echeance', 'resiliation-anticipee-contrat-prestataire', 'resiliation-prestataire-moins-cher', 'resiliation-prestataire-demenagement', 'resiliation-prestataire-cessation-activite'];
const INVOICE_ERRORS = ['demande-correction-erreur-facturation', 'contestation-montant-facture-fournisseur', 'demande-avoir-erreur-facture', 'reponse-erreur-facture-rectificative', 'correction-facture-trop-elevee'];
const PARTIAL_DELIVERIES = ['reponse-quantite-non-recue', 'quantite-recue-differente-fournisseur', 'contestation-facture-quantite-non-recue', 'articles-manquants-vente-distance'];

/** family → [query, templates a user would accept first]. */
export const QUERIES: Record<string, [string, string[]][]> = {
  classique: [
    ['relance facture impayee', FIRST_REMINDERS],
    ['premier rappel facture', FIRST_REMINDERS],
    ['facture pas payee', [...FIRST_REMINDERS, 'deuxieme-relance-facture']],
    ['retard de paiement client', [...FIRST_REMINDERS, 'relance-interet-payer-rapidement']],
    ['rappel avant echeance', ['rappel-avant-echeance-60-jours']],
    ['facture bientot echue', ['rappel-avant-echeance-60-jours']],
    ['deuxieme relance', ['deuxieme-relance-facture']],
    ['2e relance facture', ['deuxieme-relance-facture']],
    ['relance tres ferme', ['relance-ton-ferme']],
    ['client regulier oubli de paiement', ['relance-client-regulier']],
    ['nouveau client facture non reglee', ['relance-nouveau-client']],
    ['fournisseur materiaux client paye pas', ['relance-fournisseur-materiaux']],
    ['reclamer les penalites de retard', ['application-penalites-retard-cgv']],
    ['indemnite forfaitaire 40 euros', ['application-penalites-retard-cgv']],
    ['dernier rappel avant procedure', ['dernier-rappel-avant-recouvrement', 'annonce-mesures-contraignantes']],
    ['mesures contraignantes', ['annonce-mesures-contraignantes']],
    ['plusieurs factures impayees', ['dernier-rappel-avant-recouvrement', 'mise-en-demeure-regulariser-paiements']],
    ['payer ses factures a temps', ['interet-payer-dans-les-delais', 'relance-interet-payer-rapidement', 'remerciement-ponctualite-client']],
    ['mise en demeure', FORMAL_NOTICES],
    ['mize en demeure facture', FORMAL_NOTICES],
    ['med impaye', FORMAL_NOTICES],
    ['mise en demeure rendez-vous', ['mise-en-demeure-proposition-rencontre']],
    ['mise en demeure petite entreprise', ['mise-en-demeure-petite-entreprise']],
    ['injonction de payer', ['mise-en-demeure-procedure-recouvrement', 'annonce-mesures-contraignantes']],
    ['merci paiement rapide', ['remerciement-paiement-rapide', 'geste-commercial-paiement-rapide']],
    ['remerciment reglement commande', ['remerciement-paiement-commande']],
    ['accuse de reception paiement', ['accuse-reception-reglement', 'accuse-reception-paiement-tardif']],
    ['paiement recu en retard sans interets', ['accuse-reception-paiement-tardif']],
    ['client toujours ponctuel', ['remerciement-ponctualite-client']],
    ['remise pour paiement rapide', ['geste-commercial-paiement-rapide']],
    ['echeancier', PLANS],
    ['etalement paiement', PLANS],
    ['payer en plusieurs fois', PLANS],
    ['accepter report echeance', DELAYS_GRANTED],
    ["report d'echeance avec frais", ['accord-report-avec-frais']],
    ['refus report echeance', ['refus-report-echeance']],
    ['refuser delai de paiement', REFUSALS],
    ['accorder delai supplementaire', DELAYS_GRANTED],
    ['delai exceptionnel sans penalites', ['delai-exceptionnel-sans-penalites']],
    ['bon client refus prolongation delais', ['refus-prolongation-bon-client']],
  ],
  abreviations: [
    ['ar commande client', ['confirmation-prise-en-compte-commande']],
    ['AR reglement', ['accuse-reception-reglement', 'accuse-reception-paiement-tardif']],
    ['reserves sur le BL', ['avarie-marchandises-information-fournisseur', 'avarie-demande-remplacement', 'reclamation-emballage-endommage-fournisseur']],
    ['BL signe facture contestee', ['justification-facture-contestee']],
    ['delai BC pas respecte', ['reclamation-delai-bon-commande-non-respecte']],
    ['envoyer un BC au fournisseur', ['bon-commande-fournisseur', 'modele-bon-de-commande']],
    ['LCR a accepter avec la facture', ['envoi-traite-avec-facture']],
    ['report LCR', ['accord-prorogation-traite', 'refus-prorogation-traite']],
    ['virement sur le mauvais RIB', ['paiement-errone-modification']],
    ['penalites CGV client', ['application-penalites-retard-cgv']],
    ['CGV du devis pas acceptables', ['refus-devis-conditions-generales', 'negociation-conditions-devis']],
    ['SAV ne repond plus', ['reclamation-fournisseur-service-apres-vente']],
    ['MED livraison fournisseur', DELIVERY_NOTICES],
    ['med client proposer rdv', ['mise-en-demeure-proposition-rencontre']],
    ['LRAR facture impayee', FORMAL_NOTICES],
    ['LRAR resiliation prestataire', TERMINATIONS],
    ['facture en TTC au lieu de HT', INVOICE_ERRORS],
    ['PV de reunion', ['compte-rendu-decisions-reunion']],
    ['CR reunion pour les absents', ['compte-rendu-decisions-reunion']],
    ['facture pro forma acompte', ['demande-acompte-vente', 'envoi-facture-client']],
    ['cde urgente frs', ['commande-urgente-fournisseur']],
    ['NDF a rembourser', ['approbation-remboursement-frais']],
    ['TVA sur creance irrecouvrable', ['demande-certificat-irrecouvrabilite']],
    ['AO demander reference client', ['demande-autorisation-reference']],
    ['VPC colis incomplet', ['articles-manquants-vente-distance']],
    ['qte livree insuffisante', ['reponse-quantite-non-recue', 'quantite-recue-differente-fournisseur', 'contestation-facture-quantite-non-recue']],
    ['confirmation cde par tel', ['confirmation-commande-telephone']],
    ['relance fact impayee', FIRST_REMINDERS],
    ['DGCCRF refus de vente', ['signalement-refus-vente-ddpp']],
  ],
  familier: [
    ['colis cabosse', DAMAGED],
    ['carton tout cabosse a la livraison', DAMAGED],
    ['le fournisseur nous a fait faux bond', ['refus-vente-defaillance-fournisseur', 'non-renouvellement-prestataire-defaillant', 'mise-en-demeure-livrer-sous-peine-rupture', 'livraison-attendue-demande-raison']],
    ['on est a la ramasse sur les livraisons', ['excuses-retard-commande', 'excuses-retard-erreur-expedition', 'information-retards-transporteur']],
    ['a la ramasse sur le dossier du client', ['excuses-retard-traitement-dossier', 'excuses-date-limite-depassee']],
    ['client pas content du service', ['reponse-reclamation-mauvais-service', 'excuses-client-plainte-services', 'excuses-service-mauvaise-qualite']],
    ['client furax dossier qui traine', ['excuses-retard-traitement-dossier']],
    ["boulot mal fait par l'artisan", ['reclamation-defaut-demande-dedommagement', 'plainte-mauvais-travail-employe']],
    ['le prospect fait le mort apres le devis', ['relance-devis-client-potentiel', 'relance-devis-informations-complementaires']],
    ['client fauche proposer de payer en plusieurs fois', PLANS],
    ['client a des soucis de treso', ['echeancier-client-difficulte', 'suggestion-echeancier-dette', 'accord-report-echeance-difficultes', 'accord-annulation-tresorerie-client', 'refus-annulation-tresorerie-client']],
    ['on est dans le rouge demander un delai au fournisseur', ['demande-report-echeance-fournisseur', 'demande-facilites-paiement-fournisseur', 'information-creancier-retard-paiement']],
    ['colis paume par le transporteur', ['reclamation-transporteur-non-livraison', 'retard-livraison-demande-transporteur']],
    ['marchandise nickel merci au fournisseur', ['remerciement-fournisseur-materiaux-qualite', 'compliment-fournisseur-qualite-produit', 'satisfaction-ecrite-fournisseur', 'accuse-reception-livraison-fournisseur']],
    ['vendeur mal aimable en magasin', ['plainte-mauvais-accueil-magasin']],
    ['la machine est encore en rade', ['reclamation-fabricant-garantie-commerciale', 'reclamation-fournisseur-article-defectueux', 'garantie-reparation-trop-longue']],
    ['les prix flambent on augmente', ['hausse-prix-circonstances-particulieres', 'augmentation-prix-services']],
    ['le livreur a tout casse chez le client', ['excuses-incident-negligence-livraison', 'plainte-livreur-negligent-fournisseur']],
    ['on s est plante sur la facture', ['reponse-erreur-facture-rectificative', 'correction-facture-trop-elevee', 'excuses-erreur-envers-clients']],
    ['on a zappe le rdv', ['excuses-rendez-vous-manque']],
    ['client qui chipote sur la facture', ['justification-facture-contestee']],
    ['boulette courrier envoye a la mauvaise personne', ['excuses-mise-en-demeure-mauvais-destinataire', 'excuses-mise-en-demeure-envoyee-par-erreur']],
    ['client veut une ristourne', ['refus-reduction-prix-client', 'demande-client-remise-magasin', 'refus-remise-distributeur']],
    ['recadrer un distributeur', ['avertissement-distributeur']],
    ['ca traine pour la livraison fournisseur', ['premiere-relance-livraison-courtoise', 'livraison-attendue-demande-raison', 'reclamation-delai-bon-commande-non-respecte']],
    ["le chantier n'avance pas", ['plainte-retard-travaux-inefficacite', 'plainte-particulier-travaux-retard']],
  ],
  evenements: [
    ['je change de poste', ['changement-employeur-clients', 'depart-collaborateur-remplacant']],
    ['je change de boite', ['changement-employeur-clients']],
    ['je pars a la retraite', ['depart-collaborateur-remplacant']],
    ["on s'agrandit", ['agrandissement-magasin-nouvelle-gamme', 'ouverture-nouvelle-agence', 'demenagement-nouvelle-adresse']],
    ['on demenage', ['demenagement-nouvelle-adresse', 'resiliation-prestataire-demenagement']],
    ['on ferme en aout', ['fermeture-conges']],
    ['on met la cle sous la porte', ['resiliation-prestataire-cessation-activite', 'liquidation-courrier-assureur']],
    ["on arrete l'activite resilier les contrats", ['resiliation-prestataire-cessation-activite']],
    ['un nouveau commercial arrive', ['presentation-nouveau-collaborateur']],
    ["mon collegue s'en va", ['depart-collaborateur-remplacant']],
    ['la boite fete ses 50 ans', ['invitation-50-ans-entreprise']],
    ['on sort un nouveau produit', ['annonce-nouveau-produit', 'lancement-produit-invitation-presentation', 'presentation-produit-echantillon']],
    ['on ouvre une agence', ['ouverture-nouvelle-agence']],
    ['un client ouvre un nouveau magasin', ['felicitations-client-nouveaux-locaux']],
    ['un client part a la retraite', ['felicitations-retraite-client']],
    ['notre fournisseur prend sa retraite', ['felicitations-retraite-fournisseur']],
    ['client en liquidation judiciaire', ['declaration-creance-procedure-collective', 'demande-certificat-irrecouvrabilite']],
    ['on a depose le bilan', ['liquidation-courrier-assureur']],
    ["je quitte l'entreprise pour un concurrent", ['changement-employeur-clients']],
    ['nouveau client qui arrive', ['bienvenue-nouveau-client', 'remerciement-premiere-commande']],
    ["cadeau clients fin d'annee", ['lettre-accompagnement-cadeau-client', 'cadeau-clients-vente-distance']],
    ['on se lance dans une nouvelle activite', ['annonce-nouvelle-activite']],
    ['un salarie demande un pret', ['accord-pret-salarie-comite']],
    ['on part en vacances', ['bonnes-vacances', 'fermeture-conges']],
    ['on ouvre le lundi de paques', ['ouverture-jour-ferie']],
  ],
  homographes: [
    ['avoir', CREDIT_NOTES],
    ['faire un avoir au client', CREDIT_NOTES_GIVEN],
    ["demande d'avoir au fournisseur", ['demande-avoir-erreur-facture', 'retour-article-contre-credit', 'reclamation-frais-livraison-factures-tort', 'contestation-facture-quantite-non-recue']],
    ['avoir erreur de prix facture', ['demande-avoir-erreur-facture', 'correction-facture-trop-elevee']],
    ['refuser un avoir', ['refus-avoir-demande-injustifiee', 'refus-avoir-sur-mesure-denrees']],
    ['avoir plutot que rembourser', ['proposition-avoir-au-lieu-remboursement']],
    ["montant de l'avoir article retourne", ['accord-avoir-apres-retour']],
    ['avoir un retard de paiement fournisseur', ['excuses-fournisseur-paiement-retard', 'information-creancier-retard-paiement']],
    ['on va avoir du retard sur la commande', ['excuses-retard-commande', 'rupture-stock-delai', 'information-retards-transporteur']],
    ["avoir besoin d'un delai pour payer", ['demande-report-echeance-fournisseur', 'demande-facilites-paiement-fournisseur', 'information-creancier-retard-paiement', 'reponse-premier-rappel-delai']],
    ['excuses pour avoir oublie le rendez-vous', ['excuses-rendez-vous-manque']],
    ['remise de dette', ['accord-reduction-dette-client', 'refus-reduction-dette-client']],
    ["remise a l'escompte", ['remise-traites-escompte']],
    ['remise pas appliquee sur la facture', ['demande-avoir-erreur-facture', 'demande-correction-erreur-facturation', 'contestation-montant-facture-fournisseur']],
    ['remettre un devis', ['envoi-devis-client-potentiel', 'envoi-devis-lettre-accompagnement']],
    ['accorder une remise', ['remise-quantite-supplementaire', 'geste-commercial-paiement-rapide', 'remise-paiements-anticipes', 'escompte-paiement-rapide-detaillant']],
    ["le client nous doit encore de l'argent", [...FIRST_REMINDERS, 'deuxieme-relance-facture', 'reglement-incomplet-demande-complement', 'dernier-rappel-avant-recouvrement']],
    ['je dois payer en retard', ['information-creancier-retard-paiement', 'excuses-fournisseur-paiement-retard']],
    ['dossier pas encore traite', ['excuses-retard-traitement-dossier']],
    ['commande traitee et expediee', ['avis-expedition-commande', 'reponse-commande-bien-envoyee']],
    ['traite a faire accepter', ['envoi-traite-avec-facture']],
    ['client paie en avance', ['remise-paiements-anticipes', 'escompte-paiement-rapide-detaillant']],
    ['artisan demande une avance', ['artisan-demande-avance-renseignements']],
    ['reserves a la livraison', ['avarie-marchandises-information-fournisseur', 'avarie-demande-remplacement', 'reclamation-emballage-endommage-fournisseur', 'envoi-materiel-verification-reception']],
    ['clause de reserve', ['revendication-reserve-propriete']],
  ],
  fautes: [
    ['acusé de reseption reglement', ['accuse-reception-reglement', 'accuse-reception-paiement-tardif']],
    ['echancier client', PLANS],
    ['facure impayer', FIRST_REMINDERS],
    ['reclammation transporteur', ['reclamation-transporteur-non-livraison', 'reclamation-transporteur-non-conformite']],
    ['desistment cheque', WAIVERS],
    ['felicitation retraitte client', ['felicitations-retraite-client']],
    ['excuse retart livraison', ['excuses-retard-commande', 'excuses-retard-erreur-expedition']],
    ['anulation comande', ORDER_CANCELLATIONS],
    ['rupure de stok', ['rupture-stock-delai', 'rupture-stock-remplacement-gratuit']],
    ['garanti produit en pane', ['reponse-produit-defectueux-garantie', 'reclamation-fabricant-garantie-commerciale', 'garantie-reparation-trop-longue']],
    ['domage et interet retard livraison', ['mise-en-demeure-livrer-prejudice', 'relance-indemnites-retard-livraison']],
    ['cheque sans provison', BOUNCED_CHEQUES],
    ['propositon de prix client', ['proposition-prix-suite-demande-information']],
    ['augmentaion des tarif', ['augmentation-prix-services', 'hausse-prix-circonstances-particulieres']],
    ['demmenagement nouvelle adresse', ['demenagement-nouvelle-adresse']],
    ['refus renouvelement contrat', ['non-renouvellement-contrat-client-retards', 'non-renouvellement-prestataire-defaillant']],
    ['livraision partiele', PARTIAL_DELIVERIES],
    ['penalite de retad', ['application-penalites-retard-cgv', 'relance-indemnites-retard-livraison']],
    ['invitaion salon', ['invitation-stand-salon', 'invitation-salon-entrees-gratuites']],
    ['mise en demeur fournisseur livraison', DELIVERY_NOTICES],
  ],
};

