import { describe, expect, it } from 'vitest';
import { REDACTED } from '../../src/log.js';
import { memoryLogger } from './helpers.js';

describe('logger redaction', () => {
  it('censors every content-carrying key at the top level and nested, keeping ids', () => {
    const { logger, output } = memoryLogger();
    const secrets = {
      text: 'S-text-Kevin zei iets',
      value: 'S-value-antwoord',
      attachments: [{ content: 'S-attachment-card' }],
      body: 'S-body',
      naam: 'S-naam-Jantje',
      bijnamen: ['S-bijnaam-Sjonnie'],
      adres: 'S-adres-Dorpsstraat 1',
      geboortedatum: 'S-geboortedatum-2009-01-01',
      card: { body: 'S-card' },
      payload: 'S-payload',
      items: ['S-items'],
    };
    logger.info({ ...secrets, aanpakId: 'aanpak-42' }, 'top level');
    logger.info({ member: { ...secrets }, activity: { id: 'act-7', text: 'S-activity-text', value: { answer: 'S-activity-value' } } }, 'nested');
    logger.info({ req: { body: 'S-req-body', method: 'POST' }, deep: { round: { naam: 'S-deep-naam', text: 'S-deep-text' } } }, 'deeper');
    const out = output();
    expect(out.match(/S-[a-z]+/g) ?? []).toEqual([]);
    expect(out).toContain(REDACTED);
    expect(out).toContain('aanpak-42');
    expect(out).toContain('act-7');
    expect(out).toContain('"method":"POST"');
    // Three lines, each valid JSON.
    expect(out.trim().split('\n').map((l) => JSON.parse(l) as unknown)).toHaveLength(3);
  });
});

describe('safeError', () => {
  it('keeps the error type and drops quoted values and stacks from the message', async () => {
    const { safeError } = await import('../../src/log.js');
    const e = new TypeError('Cast to string failed for value "Kevin de Vries" at path `naam`');
    expect(safeError(e)).toEqual({ type: 'TypeError', message: 'Cast to string failed for value "…" at path "…"' });
    expect(safeError('x'.repeat(500)).message).toHaveLength(200);
  });
});
