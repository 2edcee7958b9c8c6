// Adaptive Cards render a markdown subset in TextBlock and FactSet values (and Teams adds its own
// quirks). Everything a user typed must show literally: no bold, links, lists or headings smuggled
// in through an answer, a name or an action text. We use CommonMark backslash escapes, which both
// the adaptivecards renderer (markdown-it) and Teams honour.

/** Characters that have inline meaning anywhere in a line. `{` also defuses {{DATE(...)}} functions. */
const INLINE = /[\\`*_~[\]<>{}&|]/g;

/** A line that would start a heading, list, quote, setext underline or numbered list. */
const LINE_START = /^(\s*)([#+=-]|\d+(?=[.)]))/;

/**
 * Escapes a user text for a TextBlock/Fact value so it renders literally.
 * Input values (Input.Text `value`) must NOT be escaped: they are plain text.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const escaped = line.replace(INLINE, (c) => `\\${c}`);
      // Numbered list: "1. " → "1\. "; other line starts: "# x" → "\# x".
      return escaped.replace(LINE_START, (_m, indent: string, marker: string) =>
        /^\d/.test(marker) ? `${indent}${marker}\\` : `${indent}\\${marker}`,
      );
    })
    .join('\n');
}

/** Inverse of escapeMarkdown (CommonMark backslash escapes of ASCII punctuation). For tests and previews. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
