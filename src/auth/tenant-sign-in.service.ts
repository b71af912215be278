import { Injectable, UnauthorizedException } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { UsersService } from '../users/users.service';
import { LoginThrottle, TooManySignInAttempts } from './login-throttle.service';
import { PasswordHasher } from '../users/password-hasher.service';
import { IssuedRefreshToken, RefreshTokensService } from './refresh-tokens.service';
import { IssuedToken, TokenService } from './token.service';

/** Sign-in to the current province; every attempt, good or bad, goes to its audit log. */
@Injectable()
export class TenantSignInService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly db: TenantDatabase,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottle,
    private readonly refreshTokens: RefreshTokensService,
  ) {}

  async signIn(
    email: string,
    password: string,
    address: string | undefined,
  ): Promise<IssuedToken & IssuedRefreshToken> {
    const realm = { tenantId: this.db.currentTenant().id };
    try {
      await this.throttle.assertAllowed(realm, email, address);
    } catch (error) {
      if (error instanceof TooManySignInAttempts) {
        await this.audit.recordAlone({
          action: 'auth.login.throttled',
          actor: { type: 'anonymous', email: email.toLowerCase() },
        });
      }
      throw error;
    }
    const user = await this.users.findForSignIn(email);
    const ok = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !ok || user.status !== 'active') {
      await this.throttle.recordFailure(realm, email, address);
      await this.audit.recordAlone({
        action: 'auth.login.failed',
        actor: { type: 'anonymous', email: email.toLowerCase() },
        details: { reason: !user ? 'unknown email' : !ok ? 'wrong password' : `account ${user.status}` },
      });
      // The same answer whatever the reason, so accounts can't be discovered through it.
      throw new UnauthorizedException('Wrong email or password');
    }
    await this.throttle.recordSuccess(realm, email);
    const refresh = await this.db.transaction(async (em) => {
      await this.audit.record(em, {
        action: 'auth.login',
        actor: { type: 'user', id: user.id, email: user.email },
        targetType: 'user',
        targetId: user.id,
      });
      return this.refreshTokens.issue(em, user.id);
    });
    const tenantId = this.db.currentTenant().id;
    return { ...(await this.tokens.issueUserToken(tenantId, user, user.tokenVersion)), ...refresh };
  }

  /** A new access token and the next refresh token of the same family. */
  async refresh(refreshToken: string): Promise<IssuedToken & IssuedRefreshToken> {
    const { user, next } = await this.refreshTokens.rotate(refreshToken);
    const tenantId = this.db.currentTenant().id;
    return { ...(await this.tokens.issueUserToken(tenantId, user, user.tokenVersion)), ...next };
  }

  logout(refreshToken: string): Promise<void> {
    return this.refreshTokens.revoke(refreshToken);
  }
}
