// Malformed invokes the robustness suite found answered with 501 (fixed: the envelope check in
// src/bot/envelope.ts answers 400). Kept as explicit regression cases next to the generated suite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS, startHarness, type Harness } from '../http/harness.js';

let h: Harness;

async function statusOf(fields: Record<string, unknown>, drop: string[] = []): Promise<number> {
  const a = h.activity(USERS.wijkagent, 'personal', fields);
  for (const k of drop) delete a[k];
  return (await h.post(a)).status;
}

const validInvoke = { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'card.refresh', data: {} } } };

describe('malformed invokes are refused with 400, never 5xx', () => {
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('control: a well-formed invoke with an unknown verb gets 200', async () => {
    expect(await statusOf({ ...validInvoke, value: { action: { type: 'Action.Execute', verb: 'nope', data: {} } } })).toBe(200);
  });

  // Fixed in fa5cb2f (now 400 or 200 with a Dutch card, guarded by http.test.ts): a non-string
  // serviceUrl (was 500), unknown or missing invoke names, a string conversation, channelId false
  // (were 501).

  it('adaptiveCard/action with value null gets 400', async () => {
    expect(await statusOf({ ...validInvoke, value: null })).toBe(400);
  });
  it('adaptiveCard/action with a value without action gets 400', async () => {
    expect(await statusOf({ ...validInvoke, value: { foo: 1 } })).toBe(400);
  });
  it('adaptiveCard/action without value gets 400', async () => {
    expect(await statusOf(validInvoke, ['value'])).toBe(400);
  });
  it('an invoke without from gets 400', async () => {
    expect(await statusOf(validInvoke, ['from'])).toBe(400);
  });
  it('an invoke without recipient gets 400', async () => {
    expect(await statusOf(validInvoke, ['recipient'])).toBe(400);
  });
  it('an invoke without conversation gets 400', async () => {
    expect(await statusOf(validInvoke, ['conversation'])).toBe(400);
  });
  it('an invoke without channelId gets 400', async () => {
    expect(await statusOf(validInvoke, ['channelId'])).toBe(400);
  });
  it("an invoke with channelId '' gets 400", async () => {
    expect(await statusOf({ ...validInvoke, channelId: '' })).toBe(400);
  });

  it('after all of the above the server is still healthy', async () => {
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });
});
