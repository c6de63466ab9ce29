/** The props a test gives the palette: these templates listed and loaded, searched by the real engine, every callback a mock. */
import { vi } from 'vitest';
import type { PaletteProps } from '../../../components/Palette';
import { searchDocs, type LibraryTemplate } from '../../../lib/packs/library';
import { defaultValue } from '../../../lib/render/render';
import { createSearchIndex } from '../../../lib/search/prepare';

export function paletteProps(templates: LibraryTemplate[], now: Date, overrides: Partial<PaletteProps> = {}): PaletteProps {
  const index = createSearchIndex(searchDocs(templates));
  return {
    entries: templates,
    templates,
    recent: [],
    subject: { kind: 'empty' },
    error: null,
    busy: false,
    unsaved: null,
    now,
    search: (q) => index.search(q),
    initialValues: (t) => Object.fromEntries(t.fields.map((f) => [f.name, defaultValue(f, now)])),
    onValuesChange: vi.fn(),
    onInsert: vi.fn(),
    onCopy: vi.fn(),
    onClose: vi.fn(),
    ...overrides,
  };
}
