// The shape of an inbound Bot Framework activity, checked before the SDK sees it: a wrong-typed
// field gets a 400 instead of an exception deep inside the adapter (e.g. an array as serviceUrl).
import { z } from 'zod';

const account = z
  .object({
    id: z.string().max(512),
    name: z.string().max(512).optional(),
    aadObjectId: z.string().max(128).optional(),
    role: z.string().max(64).optional(),
  })
  .passthrough();

const conversation = z
  .object({
    id: z.string().min(1).max(1024),
    conversationType: z.string().max(64).optional(),
    tenantId: z.string().max(128).optional(),
    isGroup: z.boolean().optional(),
    name: z.string().max(512).optional(),
  })
  .passthrough();

export const activityEnvelope = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(512).optional(),
    name: z.string().max(256).optional(),
    serviceUrl: z.string().url().max(2048).optional(),
    channelId: z.string().max(64).optional(),
    from: account.optional(),
    recipient: account.optional(),
    conversation: conversation.optional(),
    text: z.string().optional(),
    attachments: z.array(z.unknown()).optional(),
    membersAdded: z.array(account).optional(),
    membersRemoved: z.array(account).optional(),
    channelData: z.record(z.unknown()).optional(),
  })
  .passthrough();

export type EnvelopeCheck = { ok: true } | { ok: false; field: string };

/** What a turn needs to be routed and answered: messages and invokes always carry these. */
const ROUTING_FIELDS = ['from', 'recipient', 'conversation', 'channelId'] as const;

/** Checks the envelope; the reason names the first bad field (never its value). */
export function checkEnvelope(body: unknown): EnvelopeCheck {
  const r = activityEnvelope.safeParse(body);
  if (!r.success) return { ok: false, field: r.error.issues[0]?.path.join('.') || 'activity' };
  const a = r.data as Record<string, unknown>;
  if (a.type === 'message' || a.type === 'invoke') {
    for (const f of ROUTING_FIELDS) if (a[f] === undefined || a[f] === '') return { ok: false, field: f };
  }
  if (a.type === 'invoke' && a.name === 'adaptiveCard/action') {
    const action = (a.value as { action?: { type?: unknown; verb?: unknown } } | null | undefined)?.action;
    if (!action || typeof action !== 'object' || typeof action.verb !== 'string') return { ok: false, field: 'value.action' };
  }
  return { ok: true };
}
