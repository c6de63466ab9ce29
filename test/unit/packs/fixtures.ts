/** Pack files for the tests, built from the example pack folder the README documents. */
import path from 'node:path';
import { buildPack } from '../../../lib/packs/build';
import type { PackFile } from '../../../lib/packs/schema';
import { packToFile } from '../../../lib/packs/validate';

export const EXAMPLE_PACK_DIR = path.resolve(import.meta.dirname, '../../fixtures/packs/comptabilite');

/** The example pack as a file object, with an optional version and changes. */
export function examplePack(patch: Partial<PackFile> = {}): PackFile {
  const { pack, problems } = buildPack(EXAMPLE_PACK_DIR);
  if (!pack) throw new Error(problems.map((p) => p.message).join('\n'));
  return { ...packToFile(pack), ...patch };
}

export const asText = (file: unknown) => JSON.stringify(file);
