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

/** Checks the envelope; the reason names the first bad field (never its value). */
export function checkEnvelope(body: unknown): EnvelopeCheck {
  const r = activityEnvelope.safeParse(body);
  if (r.success) return { ok: true };
  return { ok: false, field: r.error.issues[0]?.path.join('.') || 'activity' };
}
