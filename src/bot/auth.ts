/**
 * Tenant allowlist. Pure functions on the raw inbound activity (before botbuilder parses it),
 * so a foreign tenant is refused before any bot logic, store access or JWT work runs.
 */

interface ActivityLike {
  conversation?: { tenantId?: unknown } | null;
  channelData?: { tenant?: { id?: unknown } | null } | null;
}

/** Every tenant id the activity claims (conversation.tenantId and channelData.tenant.id), lower-cased. */
export function activityTenantIds(activity: unknown): string[] {
  if (activity === null || typeof activity !== 'object') return [];
  const a = activity as ActivityLike;
  const ids = [a.conversation?.tenantId, a.channelData?.tenant?.id]
    .filter((v): v is string => typeof v === 'string' && v.trim().length > 0)
    .map((v) => v.trim().toLowerCase());
  return [...new Set(ids)];
}

export type TenantCheck = { ok: true; tenantId: string } | { ok: false; reason: 'missing_tenant' | 'tenant_not_allowed' };

/**
 * Allowed only when the activity names at least one tenant and every tenant it names is on
 * the list (two different claimed tenants where one is foreign is refused).
 */
export function checkTenant(activity: unknown, allowedTenants: readonly string[]): TenantCheck {
  const ids = activityTenantIds(activity);
  if (ids.length === 0) return { ok: false, reason: 'missing_tenant' };
  const allowed = new Set(allowedTenants.map((t) => t.toLowerCase()));
  if (!ids.every((id) => allowed.has(id))) return { ok: false, reason: 'tenant_not_allowed' };
  return { ok: true, tenantId: ids[0] as string };
}
