// Renders a gated document model to Markdown (for previews and for users without Word).
import type { DocumentModel } from '../workflow/documents.js';

/** Escapes Markdown syntax so stored texts render as text, never as links, headings or HTML. */
export function escapeMd(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ');
}

export function renderMarkdown(model: DocumentModel, options: { generatedLabel?: string } = {}): string {
  const lines: string[] = [`# ${escapeMd(model.title)}`, '', `**${escapeMd(model.audienceLabel)}**`, ''];
  if (options.generatedLabel) lines.push(escapeMd(options.generatedLabel), '');
  lines.push('_Vertrouwelijk: alleen voor de genoemde ontvangers._', '');
  for (const s of model.sections) {
    lines.push(`${s.depth === 1 ? '##' : '###'} ${escapeMd(s.title)}`, '');
    let inList = false;
    for (const p of s.paragraphs) {
      const text = escapeMd(p.content.text);
      if (p.style === 'bullet') {
        lines.push(`- ${text}`);
        inList = true;
        continue;
      }
      if (inList) lines.push('');
      inList = false;
      lines.push(p.style === 'note' ? `_${text}_` : text, '');
    }
    if (inList) lines.push('');
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
