import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Keys that can carry content: answer texts, names, NAW, card payloads, request bodies.
 * Logs are for operations, never for content (PRODUCT.md §8), so these are censored at any
 * of the first three nesting levels. Log ids and counts instead.
 */
export const CONTENT_KEYS = [
  'text',
  'value',
  'attachments',
  'body',
  'naam',
  'name',
  'bijnamen',
  'adres',
  'woonplaats',
  'geboortedatum',
  'card',
  'payload',
  'items',
  'answer',
  'answers',
  'antwoord',
  'toelichting',
  'content',
  'speak',
  'summary',
  'entities',
  'channelData',
  'conversationReference',
] as const;

export const REDACTED = '[redacted]';

function redactPaths(): string[] {
  const paths = new Set<string>();
  for (const key of CONTENT_KEYS) {
    paths.add(key);
    paths.add(`*.${key}`);
    paths.add(`*.*.${key}`);
  }
  for (const p of ['req.body', 'res.body', 'activity.text', 'activity.value', 'activity.attachments', 'activity.from.name', 'activity.recipient.name']) {
    paths.add(p);
  }
  return [...paths];
}

export const REDACT_PATHS: readonly string[] = redactPaths();

export interface LoggerOptions {
  level?: string;
  /** Where to write; defaults to stdout. Tests pass a stream. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { app: 'groepsaanpak' },
      redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    },
    options.destination,
  );
}

/**
 * An error for the log: its type and a scrubbed message. Library messages sometimes echo the
 * value that failed ("Cast to string failed for value \"…\""), which could be content: quoted
 * parts are replaced and the message is cut short. Stacks are kept out of the log.
 */
export function safeError(err: unknown): { type: string; message: string } {
  const e = err as { name?: unknown; message?: unknown } | null | undefined;
  const type = typeof e?.name === 'string' ? e.name : 'Error';
  const raw = typeof e?.message === 'string' ? e.message : String(err);
  const message = raw
    .replace(/"[^"]*"|'[^']*'|`[^`]*`|“[^”]*”/g, '"…"')
    .replace(/\s+/g, ' ')
    .slice(0, 200);
  return { type, message };
}
