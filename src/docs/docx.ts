// Renders a gated document model to .docx with the `docx` package. Sees only what the gate kept:
// every text here is a paragraph of the model, the title and headings are fixed Dutch labels.
import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { DocParagraph, DocumentModel } from '../workflow/documents.js';

/** Strips control characters Word rejects in XML (the library escapes <, > and &). */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

function paragraph(p: DocParagraph): Paragraph {
  const text = clean(p.content.text);
  if (p.style === 'bullet') return new Paragraph({ text, bullet: { level: 0 } });
  if (p.style === 'note') return new Paragraph({ children: [new TextRun({ text, italics: true, color: '595959' })] });
  return new Paragraph({ text });
}

export interface DocxOptions {
  /** Shown under the title, e.g. "Gemaakt op 12 maart 2026". */
  generatedLabel?: string;
}

export function toDocxDocument(model: DocumentModel, options: DocxOptions = {}): Document {
  const children: Paragraph[] = [
    new Paragraph({ text: model.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: model.audienceLabel, bold: true })] }),
  ];
  if (options.generatedLabel) children.push(new Paragraph({ children: [new TextRun({ text: options.generatedLabel, color: '595959' })] }));
  children.push(new Paragraph({ children: [new TextRun({ text: 'Vertrouwelijk: alleen voor de genoemde ontvangers.', italics: true })] }));
  for (const s of model.sections) {
    children.push(new Paragraph({ text: clean(s.title), heading: s.depth === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 }));
    for (const p of s.paragraphs) children.push(paragraph(p));
  }
  return new Document({
    creator: 'Groepsaanpak',
    title: model.title,
    description: model.audienceLabel,
    sections: [
      {
        children,
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [model.title, ' · pagina ', PageNumber.CURRENT] })],
              }),
            ],
          }),
        },
      },
    ],
  });
}

export async function renderDocx(model: DocumentModel, options: DocxOptions = {}): Promise<Buffer> {
  return Packer.toBuffer(toDocxDocument(model, options));
}
