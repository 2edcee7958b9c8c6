// Document rendering: gated document models → .docx and Markdown files.
import type { DocumentModel } from '../workflow/documents.js';
import { renderDocx } from './docx.js';
import { renderMarkdown } from './markdown.js';

export { renderDocx, toDocxDocument, type DocxOptions } from './docx.js';
export { escapeMd, renderMarkdown } from './markdown.js';

export type DocFormat = 'docx' | 'md';

export interface RenderedFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

export const CONTENT_TYPES: Record<DocFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
};

/** A file name from fixed parts only (kind and date): never a group or person name. */
export function fileNameFor(model: DocumentModel, date: string, format: DocFormat): string {
  return `${model.kind}-${date}.${format}`;
}

export async function renderFile(model: DocumentModel, format: DocFormat, date: string, generatedLabel?: string): Promise<RenderedFile> {
  const opts = generatedLabel ? { generatedLabel } : {};
  const bytes = format === 'docx' ? await renderDocx(model, opts) : Buffer.from(renderMarkdown(model, opts), 'utf8');
  return { fileName: fileNameFor(model, date, format), contentType: CONTENT_TYPES[format], bytes };
}
