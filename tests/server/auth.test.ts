import { describe, expect, it } from 'vitest';
import { activityTenantIds, checkTenant } from '../../src/bot/auth.js';
import { OTHER_TENANT, TENANT } from './helpers.js';

describe('tenant allowlist', () => {
  it('reads the tenant from conversation.tenantId and channelData.tenant.id, case-insensitively', () => {
    expect(activityTenantIds({ conversation: { tenantId: TENANT.toUpperCase() }, channelData: { tenant: { id: TENANT } } })).toEqual([TENANT]);
    expect(activityTenantIds({ channelData: { tenant: { id: OTHER_TENANT } } })).toEqual([OTHER_TENANT]);
    expect(activityTenantIds(null)).toEqual([]);
    expect(activityTenantIds({ conversation: { tenantId: 42 } })).toEqual([]);
  });

  it('allows only when every claimed tenant is listed', () => {
    expect(checkTenant({ conversation: { tenantId: TENANT } }, [TENANT])).toEqual({ ok: true, tenantId: TENANT });
    expect(checkTenant({ conversation: { tenantId: OTHER_TENANT } }, [TENANT])).toEqual({ ok: false, reason: 'tenant_not_allowed' });
    expect(checkTenant({ conversation: { tenantId: TENANT }, channelData: { tenant: { id: OTHER_TENANT } } }, [TENANT])).toEqual({ ok: false, reason: 'tenant_not_allowed' });
    expect(checkTenant({ conversation: {} }, [TENANT])).toEqual({ ok: false, reason: 'missing_tenant' });
    expect(checkTenant({ conversation: { tenantId: TENANT } }, [])).toEqual({ ok: false, reason: 'tenant_not_allowed' });
  });
});
