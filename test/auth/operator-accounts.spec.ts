import { ModuleRef } from '@nestjs/core';
import { ClsService } from 'nestjs-cls';
import { OPERATOR_ACCOUNTS, OperatorAccounts } from '../../src/auth/operator-accounts';
import { JwtStrategy, TokenRefused } from '../../src/auth/jwt.strategy';
import { AccessTokenClaims } from '../../src/auth/token.service';
import { loadConfig } from '../../src/config/app-config';
import { DaftarStore } from '../../src/tenancy/tenant-context';

/*
 * Auth sits below platform, so the operator check reaches it through OPERATOR_ACCOUNTS, which the
 * platform provides (docs/ARCHITECTURE.md, "Layers"). A process without a provider refuses every
 * operator token rather than letting one through unchecked.
 */
describe('the operator check behind JwtStrategy', () => {
  const claims = { typ: 'access', aud: 'platform', sub: 'op-1', email: 'op@example.org' } as AccessTokenClaims;
  const onPlatformHost = {
    get: () => ({ kind: 'platform', host: 'admin.test' }),
  } as unknown as ClsService<DaftarStore>;

  const strategyWith = (accounts: OperatorAccounts | undefined) => {
    const lookups: unknown[] = [];
    const moduleRef = {
      get: (token: unknown) => {
        lookups.push(token);
        if (!accounts) throw new Error('not provided');
        return accounts;
      },
    } as unknown as ModuleRef;
    return { strategy: new JwtStrategy(loadConfig({}), onPlatformHost, moduleRef), lookups };
  };

  it('lets an active operator in, asking the platform once', async () => {
    const { strategy, lookups } = strategyWith({ isActive: async (id) => id === 'op-1' });
    await expect(strategy.validate(claims)).resolves.toEqual({ kind: 'operator', id: 'op-1', email: 'op@example.org' });
    await strategy.validate(claims);
    expect(lookups).toEqual([OPERATOR_ACCOUNTS]);
  });

  it('refuses a disabled operator', async () => {
    const { strategy } = strategyWith({ isActive: async () => false });
    await expect(strategy.validate(claims)).rejects.toThrow(new TokenRefused('the operator account is disabled'));
  });

  it('refuses every operator token where no module provides the check (fails closed)', async () => {
    const { strategy } = strategyWith(undefined);
    await expect(strategy.validate(claims)).rejects.toThrow('operator accounts cannot be checked');
  });
});
