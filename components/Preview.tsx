/** Live preview of the subject and body as they will be inserted; field values stand out, missing ones show their label. */
import { COMPUTED } from '../lib/render/computed';
import { splitMarked } from '../lib/render/render';
import type { Template } from '../lib/templates/types';

function Marked({ text, labels }: { text: string; labels: Map<string, string> }) {
  return (
    <>
      {splitMarked(text).map((part, i) =>
        part.field === undefined ? (
          part.text
        ) : part.text ? (
          <mark key={i} class="value">
            {part.text}
          </mark>
        ) : (
          <span key={i} class="missing">
            ‹{labels.get(part.field) ?? part.field}›
          </span>
        ),
      )}
    </>
  );
}

export interface PreviewProps {
  template: Template;
  subject: string | null;
  body: string;
}

export function Preview({ template, subject, body }: PreviewProps) {
  const labels = new Map([...template.computed.map((c) => [c, COMPUTED[c]?.label ?? c] as const), ...template.fields.map((f) => [f.name, f.label] as const)]);
  return (
    <section class="preview" aria-label="Aperçu">
      <h3>Aperçu</h3>
      {subject !== null && (
        <p class="preview-subject">
          <span class="preview-label">Objet : </span>
          <Marked text={subject} labels={labels} />
        </p>
      )}
      <div class="preview-body">
        <Marked text={body} labels={labels} />
      </div>
    </section>
  );
}
