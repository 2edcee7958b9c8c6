// PRODUCT.md §4: nothing else in the code can reach Teams — the send API is used by the outbox only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;
const SEND_APIS = [
  'sendActivity',
  'sendActivities',
  'updateActivity',
  'deleteActivity',
  'continueConversationAsync',
  'continueConversation',
  'createConversationAsync',
  'createConversation',
  'sendProactiveActivity',
  'sendMessageToTeamsChannel',
  'replyToActivity',
  'sendToConversation',
];
const ALLOWED = new Set(['src/bot/outbox.ts']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(name) ? [p] : [];
  });
}

describe('the outbox is the only sender', () => {
  it('no module under src/ except src/bot/outbox.ts calls a Teams send API', () => {
    const offenders: string[] = [];
    const pattern = new RegExp(`\\.(${SEND_APIS.join('|')})\\s*\\(`);
    for (const file of files(join(ROOT, 'src'))) {
      const rel = relative(ROOT, file);
      if (ALLOWED.has(rel)) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, n) => {
          if (pattern.test(line)) offenders.push(`${rel}:${n + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it('no module outside src/bot imports botbuilder or teams-ai', () => {
    const offenders = files(join(ROOT, 'src'))
      .map((f) => relative(ROOT, f))
      .filter((rel) => !rel.startsWith('src/bot/') && !['src/server.ts', 'src/compose.ts'].includes(rel))
      .filter((rel) => /from ['"](botbuilder[^'"]*|@microsoft\/teams-ai)['"]/.test(readFileSync(join(ROOT, rel), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the check itself catches a send call', () => {
    const pattern = new RegExp(`\\.(${SEND_APIS.join('|')})\\s*\\(`);
    expect(pattern.test('await context.sendActivity(card)')).toBe(true);
    expect(pattern.test('await adapter.continueConversationAsync(id, ref, fn)')).toBe(true);
    expect(pattern.test('const label = "sendActivity";')).toBe(false);
  });
});
