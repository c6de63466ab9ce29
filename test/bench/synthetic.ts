/**
 * Synthetic libraries for the benchmark: what a company with many packs would
 * have. Every scenario title of the product (556) and every built-in template,
 * copied for teams and regional variants with their own keywords and tags,
 * until `size` templates.
 */
export interface BenchDoc {
  id: string;
  title: string;
  aliases?: string[];
  keywords?: string[];
  tags?: string[];
  body: string;
}

const TEAMS = ['Comptabilité', 'Service client', 'Ventes', 'Achats', 'Juridique', 'Ressources humaines', 'Logistique', 'Direction', 'Agence Lyon', 'Agence Lille'];
const VARIANTS = ['version courte', 'version détaillée', 'ton cordial', 'ton ferme', 'grands comptes', 'particuliers'];

export function syntheticLibrary(seed: BenchDoc[], titles: string[], size: number): BenchDoc[] {
  const docs: BenchDoc[] = [...seed];
  for (let i = 0; docs.length < size; i++) {
    const team = TEAMS[i % TEAMS.length]!;
    const variant = VARIANTS[Math.floor(i / TEAMS.length) % VARIANTS.length]!;
    const from = seed.length && i % 3 === 0 ? seed[i % seed.length]! : null;
    const title = from ? from.title : titles[i % titles.length]!;
    docs.push({
      id: `synth-${i}`,
      title: `${title} (${team}, ${variant})`,
      keywords: [...(from?.keywords ?? []), team.toLowerCase(), variant],
      tags: [...(from?.tags ?? []), team],
      body: from?.body ?? title,
    });
  }
  return docs;
}
