import { ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ClsService } from 'nestjs-cls';
import { DaftarStore, Principal } from '../tenancy/tenant-context';
import { hostScopeOf } from '../tenancy/host-scope';
import { IS_PUBLIC, REQUIRED_PERMISSION } from '../tenancy/access.decorators';
import { DeclaredPermission, PLATFORM_PERMISSION, rolesGrant } from '../tenancy/permissions';
import { TokenStanding, TokenVersions } from '../users/token-versions.service';
import { TokenRefused } from './jwt.strategy';

type UserPrincipal = Extract<Principal, { kind: 'user' }>;

/**
 * Why a province token whose signature is good is refused anyway. `reason` is for clients: the web
 * app refreshes on any 401, and a refresh gives `token-stale` a token with the current roles, while
 * it is refused for the others.
 */
const REFUSALS: Record<Exclude<TokenStanding, 'current'>, { reason: string; message: string }> = {
  stale: {
    reason: 'token-stale',
    message: 'Token refused: the account changed (roles, status or password) since it was issued; refresh it',
  },
  inactive: { reason: 'account-inactive', message: 'Token refused: the account is disabled' },
  unknown: { reason: 'account-unknown', message: 'Token refused: no such account in this province' },
};

/** Global guard: every endpoint needs a valid token for its host unless marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly cls: ClsService<DaftarStore>,
    private readonly tokenVersions: TokenVersions,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    await super.canActivate(context);
    const principal = this.cls.get('principal');
    if (!principal) throw new UnauthorizedException('Sign-in required');
    if (principal.kind === 'user') await this.assertCurrent(principal);
    this.authorize(context, principal);
    return true;
  }

  override handleRequest<TUser = Principal>(err: unknown, user: TUser | false, info: unknown): TUser {
    if (err instanceof TokenRefused) throw new UnauthorizedException(`Token refused: ${err.message}`);
    if (err) throw err;
    if (!user) {
      const reason = info instanceof Error ? info.message : 'missing bearer token';
      throw new UnauthorizedException(`Token refused: ${reason}`);
    }
    this.cls.set('principal', user as unknown as Principal);
    return user;
  }

  /**
   * A change of roles, a disabled account or a new password counts from the next request, whatever
   * the token says. Checked here rather than in JwtStrategy: passport keeps one strategy per name per
   * process, while each app (API instance) has its own guard and so its own TokenVersions cache.
   */
  private async assertCurrent(principal: UserPrincipal): Promise<void> {
    const standing = await this.tokenVersions.standing(principal.id, principal.tokenVersion);
    if (standing === 'current') return;
    const { reason, message } = REFUSALS[standing];
    this.cls.set('principal', undefined);
    throw new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message, reason });
  }

  /**
   * The permission check lives here so every endpoint passes through one place. An endpoint
   * with no declared permission is refused: forgetting one fails closed (and a test fails).
   */
  private authorize(context: ExecutionContext, principal: Principal): void {
    const scope = hostScopeOf(this.reflector, context);
    if (scope === 'platform' && principal.kind !== 'operator')
      throw new UnauthorizedException('Operator sign-in required');
    const permission = this.reflector.getAllAndOverride<DeclaredPermission | undefined>(REQUIRED_PERMISSION, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!permission) throw new ForbiddenException('This endpoint declares no permission');
    if (permission === PLATFORM_PERMISSION) {
      if (principal.kind !== 'operator') throw new ForbiddenException('Operators only');
      return;
    }
    if (principal.kind !== 'user' || !rolesGrant(principal.roles, permission)) {
      throw new ForbiddenException(`Requires the permission ${permission}`);
    }
  }
}
