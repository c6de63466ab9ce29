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
