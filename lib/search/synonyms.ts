/**
 * The office French the search understands beyond the words of the templates.
 *
 *  - SYNONYM_GROUPS: words and phrases people use for the same thing. A query
 *    word or phrase from a group also finds templates written with another
 *    member of the group, at a slightly lower score than the exact word.
 *    Phrases are matched on stems, stop words ignored (« retard de paiement »
 *    = « retard paiement »). Groups work both ways: a template that says
 *    « bon de livraison » is found by « BL », and one that says « SAV » by
 *    « service après-vente ».
 *  - ABBREVIATIONS: what office workers abbreviate (AR, BL, LRAR, CGV…),
 *    turned into groups of the abbreviation and what it stands for.
 *  - EXPRESSIONS: colloquial turns and life events said plainly (« faire faux
 *    bond », « à la ramasse », « on met la clé sous la porte », « je pars à la
 *    retraite »), read in the query only and replaced by plain wording. Their
 *    words are not searched as such: « faux » in « faux bond » is not an error,
 *    « avance » in « ça n'avance pas » is not a down payment.
 *
 * Keep groups narrow: « retard » alone is not « impayé » (a delivery can be late),
 * and a word that means something else in a template (« recommandé » is also
 * « recommended ») only enters a group inside a phrase (« lettre recommandée »).
 */
export const SYNONYM_GROUPS: string[][] = [
  ['impayé', 'non payé', 'non réglé', 'pas payé', 'pas réglé', 'retard de paiement', 'paiement en retard', 'facture en souffrance', 'défaut de paiement', 'non honoré', 'pas honoré', 'somme due', 'redevable', 'mauvais payeur'],
  ['relance', 'rappel', 'relancer', 'rappeler'],
  ['deuxième', '2e', '2ème', 'second', 'seconde'],
  ['mise en demeure', 'med', 'mettre en demeure', 'dernier avertissement'],
  ['remerciement', 'remercier', 'merci'],
  ['excuses', 'excuser', 'désolé', 'pardon', 'regrets'],
  ['échéancier', 'étalement', 'étaler', 'échelonnement', 'échelonner', 'paiement échelonné', 'paiement en plusieurs fois', 'plan de paiement', 'plan de remboursement', 'mensualités'],
  ['délai', 'report', 'reporter', 'prolongation', 'prolonger', 'repousser', 'délai supplémentaire', 'proroger', 'prorogation'],
  ['devis', 'estimation', 'chiffrage', 'estimatif', 'demande de prix', 'proposition de prix'],
  ['abîmé', 'endommagé', 'cassé', 'détérioré', 'avarié', 'cabossé', 'esquinté', 'amoché', 'bousillé', 'défoncé', 'pété', 'éclaté', 'explosé', 'en mauvais état', 'en piteux état'],
  ['défectueux', 'en panne', 'ne fonctionne pas', 'ne fonctionne plus', 'défaillant', 'ne marche pas', 'ne marche plus', 'en rade', 'hors service', 'hs', 'en carafe', 'déconne', 'qui déconne', 'tombe en panne', 'nase', 'foutu', 'grillé', 'claqué'],
  ['colis', 'paquet', 'carton'],
  ['livraison', 'livrer', 'expédition', 'expédier', 'acheminement'],
  ['remboursement', 'rembourser', 'restituer'],
  ['annulation', 'annuler', 'résiliation', 'résilier'],
  ['erreur', 'erroné', 'incorrect', 'se tromper', 'trompé', 'faux', 'bévue', 'boulette', 'bourde', 'couac', 'plantage', 'coquille', 'bug', 'bugué', 'foiré', 'foirer', 'loupé', 'merdé', 'merder', 'cafouillé', 'cafouillage'],
  ['réclamation', 'plainte', 'contestation', 'contester', 'litige', 'se plaindre', 'chipoter', 'chicaner', 'râler'],
  ['client', 'acheteur', 'clientèle', 'clt'],
  ['fournisseur', 'prestataire', 'vendeur', 'frs', 'fourn'],
  ['traite', 'lettre de change', 'billet à ordre', 'effet de commerce', 'lcr'],
  ['acompte', 'arrhes', 'avance'],
  ['félicitations', 'féliciter', 'bravo'],
  ['invitation', 'inviter', 'convier', 'convocation'],
  ['tarif', 'prix', 'tarifs', 'grille tarifaire'],
  ['hausse', 'augmentation', 'augmenter', 'majoration', 'flamber', 'flambée', 'grimper'],
  ['rendez-vous', 'rdv', 'entrevue'],
  ['sans provision', 'rejeté', 'refusé par la banque', 'en bois'],
  ['virement', 'paiement par virement'],
  ['paiement', 'règlement', 'payer', 'régler', 'versement'],
  // Office and everyday French found in the 556 scenario titles and in what people type.
  ['remise', 'réduction', 'rabais', 'ristourne', 'réduction de prix'],
  ['envoi', 'envoyer', 'remettre', 'transmettre', 'faire parvenir'],
  ['ouverture', 'ouvrir', 'ouvre', 'ouvrent', 'ouvrons', 'inauguration', 'inaugurer'],
  ['lancement', 'lancer', 'lance', 'lançons', 'lancent'],
  ['collaborateur', 'collègue', 'collaboratrice'],
  ['remplaçant', 'successeur', 'remplaçante', 'nouvel interlocuteur'],
  ['travail', 'boulot', 'taf'],
  ['appareil', 'machine'],
  ['toujours', 'encore', 'tjs'],
  ['oubli', 'oublier', 'oublié', 'zapper', 'zappé', 'omis', 'omettre', 'omission', 'louper', 'raté', 'rater', 'passé à la trappe'],
  ['perdu', 'perte', 'égaré', 'paumé', 'introuvable', 'disparu', 'volatilisé'],
  ['mécontent', 'pas content', 'pas satisfait', 'insatisfait', 'non satisfait', 'déçu', 'furax', 'furieux', 'énervé', 'agacé', 'en colère', 'fâché'],
  ['rare qualité', 'qualité exceptionnelle', 'excellente qualité', 'nickel', 'impeccable', 'irréprochable', 'parfait', 'au top'],
  ['avertissement', 'avertir', 'mise en garde', 'mettre en garde', 'recadrer', 'recadrage', 'remonter les bretelles'],
  ['sans réponse', 'ne répond pas', 'ne répond plus', 'pas de réponse', 'aucune réponse', 'pas de nouvelles', 'sans nouvelles', 'aucune nouvelle', 'injoignable', 'silence radio'],
  ['difficultés de trésorerie', 'difficulté de trésorerie', 'problème de trésorerie', 'problèmes de trésorerie', 'soucis de trésorerie', 'souci de trésorerie', 'soucis de tréso', 'tréso', 'difficultés financières', 'difficulté financière', 'problèmes financiers', 'gêne financière', "soucis d'argent", "problème d'argent", 'fauché', 'dans le rouge', 'à sec', 'sans le sou', 'galère', 'galérer'],
  ['défaillance', 'défaillant', 'manquement', 'pas respecté ses engagements', 'ne respecte pas ses engagements'],
  ['cessation d’activité', "cesser l'activité", 'cesse son activité', "arrêter l'activité", "arrêt de l'activité", "fin d'activité", "fermeture de l'entreprise", 'mettre la clé sous la porte', 'met la clé sous la porte', 'fermer la boîte', 'ferme la boîte', 'déposer le bilan', 'dépôt de bilan'],
  ["changer d'employeur", "changement d'employeur", 'changer de boîte', 'change de boîte', 'changer de société', "changer d'entreprise", "quitter l'entreprise", 'quitter la société', 'quitter la boîte', 'nouvel employeur', 'rejoindre un concurrent'],
  ['urgent', 'urgence', 'en urgence', 'urgemment', 'asap', 'au plus vite', 'au plus tôt'],
  ['problème', 'pb', 'souci', 'soucis'],
  ['quantité', 'qté', 'qte'],
  ['téléphone', 'tel', 'tél', 'téléphonique', 'au téléphone', 'par téléphone'],
  ['montant', 'ht', 'ttc', 'hors taxes', 'hors taxe', 'toutes taxes comprises'],
  ['dgccrf', 'ddpp', 'ddccrf', 'répression des fraudes', 'fraudes'],
  ['refus', 'refuser', 'décliner', 'retoquer', 'recaler', 'dire non'],
  ['mal fait', 'bâclé', 'bâcler', 'travail de cochon', 'malfaçon', 'malfaçons', 'mal exécuté'],
  ['mauvaise qualité', 'qualité médiocre', 'médiocre', 'qualité insuffisante', 'décevant', 'décevante', 'pourri', 'pourrie', 'camelote', 'bas de gamme'],
  ['trop cher', 'trop élevé', 'hors de prix', 'exorbitant', 'excessif', 'abusif', 'prohibitif'],
  ['gratuit', 'gratos', 'offert', 'sans frais', 'à l’œil'],
  ['directeur', 'direction', 'dirigeant', 'pdg', 'dg', 'gérant', 'patron', "chef d'entreprise"],
  ['faillite', 'redressement judiciaire', 'liquidation judiciaire', 'procédure collective', 'liquidation de biens'],
  ['déstockage', 'fin de série', 'écouler le stock', 'liquider le stock', 'brader'],
  ['pièce jointe', 'pj', 'ci-joint', 'en pièce jointe'],
  ['réservation', 'resa', 'résa'],
  ['agence', 'succursale', 'antenne', 'point de vente'],
  ['trop-perçu', 'trop perçu', 'trop payé', 'payé deux fois', 'payé en double', 'paiement en double', 'double paiement', 'versé en trop', 'réglé deux fois'],
];

/** Office abbreviations and what they stand for (see SYNONYM_GROUPS). */
export const ABBREVIATIONS: Record<string, string[]> = {
  ar: ['accusé de réception', 'accuser réception', 'accusé réception'],
  lrar: ['lettre recommandée', 'courrier recommandé', 'envoi recommandé', 'recommandé avec accusé de réception', 'rar', 'lr', 'lre'],
  bl: ['bon de livraison', 'bons de livraison'],
  bc: ['bon de commande', 'bons de commande', 'bdc'],
  cde: ['commande', 'cmd', 'cmde'],
  rib: ["relevé d'identité bancaire", 'coordonnées bancaires', 'iban', 'bic', 'compte bancaire'],
  cgv: ['conditions générales de vente', 'conditions de vente'],
  cga: ["conditions générales d'achat"],
  sav: ['service après-vente', 'après-vente'],
  pv: ['procès-verbal', 'compte rendu', 'compte-rendu', 'cr'],
  ndf: ['note de frais', 'notes de frais'],
  vpc: ['vente par correspondance', 'vente à distance'],
  ao: ["appel d'offres", "appel d'offre"],
  'pro forma': ['proforma', "facture d'acompte"],
  cse: ["comité d'entreprise", 'comité social et économique', 'comité des œuvres sociales'],
  rh: ['ressources humaines'],
  drh: ['directeur des ressources humaines', 'direction des ressources humaines'],
  bpa: ['bon pour accord', 'pour accord'],
  dde: ['demande'],
};

/**
 * Colloquial turns and life events, read in the query only: [the ways people
 * say it, what it means in the words of the templates]. The first words of a
 * sentence are matched on stems, stop words included (« je pars à la retraite »
 * is not « il part à la retraite »); the longest match wins. A meaning word
 * written « ?erreur » is a hint: it adds to a template that has it, and a
 * template without it loses nothing (« facturé TTC au lieu de HT »).
 */
export const EXPRESSIONS: [string[], string][] = [
  // Going wrong.
  [['faux bond', 'fait faux bond', 'fais faux bond', 'font faux bond', 'lâché', 'laissé tomber', 'nous a planté', "m'a planté", 'nous a plantés'], 'défaillance'],
  [['à la ramasse', 'à la bourre', 'ça traîne', 'qui traîne', 'traîne', 'traînent', "n'avance pas", "n'avance plus", "n'avancent pas", "n'avancent plus", 'avance pas'], 'retard'],
  [["s'est planté", 'se planter', 'se plante', 'me suis planté', 'nous sommes plantés', "s'est trompé", 'on s est trompe', "s'est gouré", 'se gourer', 'me suis gouré'], 'erreur'],
  [['au lieu de', 'au lieu du', 'au lieu des', 'plutôt que', 'plutôt qu', 'à la place de', "à la place d'", 'à la place du'], '?lieu ?erreur'],
  [['fait le mort', 'fais le mort', 'font le mort', 'faire le mort', 'faisons le mort'], 'sans réponse'],
  [["s'est fait avoir", 'se faire avoir', 'me suis fait avoir', 'nous sommes fait avoir', 'fait arnaquer', 'arnaque', 'arnaqué', 'escroquerie', 'escroqué'], 'litige réclamation'],
  [['mettre la pression', 'met la pression', 'tirer l oreille', "se fait tirer l'oreille", 'secouer', 'secoue'], 'relance ferme'],
  [['coup de gueule', 'pousser un coup de gueule'], 'plainte'],
  [['veut', 'veulent', 'voudrait', 'voudraient', 'aimerait', 'aimeraient'], '?demande'],
  [['les prix explosent', 'prix qui explosent', 'les prix ont explosé', 'les tarifs explosent', "les prix s'envolent", 'les prix grimpent'], 'hausse des prix'],
  [['casse les pieds', 'nous casse les pieds', 'me casse les pieds'], 'mécontent'],
  [
    [
      'virement pas reçu', 'virement jamais reçu', 'virement jamais arrivé', 'paiement pas reçu', 'paiement jamais reçu', 'paiement jamais arrivé', "paiement n'est jamais arrivé",
      'règlement pas reçu', 'règlement jamais reçu', 'pas reçu le paiement', 'pas reçu le virement', 'pas reçu le règlement', 'toujours pas reçu le paiement',
    ],
    'impayé',
  ],
  [['ferment', 'fermons', 'nous fermons', 'on ferme', 'fermé pour', 'fermés pour', 'bureaux fermés', 'magasin fermé', 'boutique fermée'], 'fermeture'],
  [['nouveau boulot', 'nouveau job', 'nouvel emploi', 'nouveau travail'], "changement d'employeur"],
  [['pas content', 'pas contente', 'pas contents', 'pas ravi', 'pas ravie', 'pas satisfait', 'pas satisfaite'], 'mécontent'],
  [['mal aimable', 'mal poli', 'malpoli', 'désagréable', 'grossier'], 'mauvais accueil'],
  [['met la clé sous la porte', 'mettre la clé sous la porte', 'mettons la clé sous la porte', 'la clé sous la porte', 'ferme boutique', 'fermer boutique', 'on arrête tout'], "cessation d'activité"],
  // Life events said plainly: the writer's own (« je », « on », « nous » turn the letter round).
  [
    [
      'je dois payer en retard', 'je vais payer en retard', 'je paierai en retard', 'je vais régler en retard', 'on va payer en retard', 'on paiera en retard', 'nous allons payer en retard',
      'nous paierons en retard', 'on doit payer en retard', 'je ne peux pas payer', 'on ne peut pas payer', 'nous ne pouvons pas payer', 'je ne pourrai pas payer', 'on ne pourra pas payer',
      'nous ne pourrons pas payer', 'je vais avoir du retard pour payer', 'on va avoir du retard pour payer',
    ],
    'prévenir créancier retard de paiement ?fournisseur',
  ],
  [['je me lance', 'je me mets à mon compte', "je m'installe à mon compte", 'je crée ma boîte', 'je monte ma boîte', 'on monte une boîte', 'on crée une boîte', 'création de ma boîte'], 'nouvelle activité'],
  [['je passe le relais', 'passer le relais', 'passation de dossier', 'passation'], 'départ remplaçant'],
  [['client nous quitte', 'client est parti à la concurrence', 'client part à la concurrence', 'client parti à la concurrence', 'client ne commande plus'], 'client inactif reconquérir'],
  [['qui arrive', 'qui arrivent', "vient d'arriver", "viennent d'arriver", 'arrive chez nous', 'arrivent chez nous'], '?nouveau ?bienvenue'],
  [['je pars à la retraite', 'je pars en retraite', 'je prends ma retraite', 'mon départ à la retraite', 'mon départ en retraite', 'ma retraite', 'je pars', 'je quitte', "je m'en vais", 'mon départ', 'je suis muté', 'je suis mutée', 'mon dernier jour', 'mon successeur', 'ma remplaçante', 'mon remplaçant', 'je change de service'], 'départ remplaçant'],
  [["s'en va", "s'en vont", "s'en aller", 'collègue nous quitte', 'collaborateur nous quitte', 'part de la boîte', 'quitte la boîte'], 'départ'],
  [['je change de boîte', 'je change de société', "je change d'entreprise", "je change d'employeur", 'je rejoins un concurrent', 'je quitte la boîte pour', "je quitte l'entreprise pour", 'je quitte la société pour', 'pour un concurrent', 'chez un concurrent'], "changement d'employeur"],
  [['je pars en vacances', 'on part en vacances', 'nous partons en vacances', 'on ferme en', 'on ferme pour', 'on sera fermé', 'nous serons fermés'], 'vacances fermeture congés'],
  [['on déménage', 'nous déménageons', 'on a déménagé', 'nous avons déménagé', 'on change de locaux', "on change d'adresse"], 'déménagement nouvelle adresse'],
  [['on sort un', 'on sort une', 'nous sortons un', 'nous sortons une', 'sortie d un nouveau', 'sortie de notre'], 'lancement'],
  [['nouvelle recrue', 'on embauche', 'nous embauchons', 'nous recrutons', 'on recrute'], 'nouveau collaborateur'],
  [['avoir besoin de', 'avoir besoin d', 'besoin de', "besoin d'", 'besoin du', 'besoin des', "j'ai besoin", 'il me faut', 'il nous faut'], 'demande'],
];
