import { ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ClsService } from 'nestjs-cls';
import { DaftarStore, Principal } from '../tenancy/tenant-context';
import { hostScopeOf } from '../tenancy/host-scope';
import { IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators';
import { TokenRefused } from './jwt.strategy';

/** Global guard: every endpoint needs a valid token for its host unless marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly cls: ClsService<DaftarStore>,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    await super.canActivate(context);
    const principal = this.cls.get('principal');
    if (!principal) throw new UnauthorizedException('Sign-in required');
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

  /** Role check lives here so that every endpoint passes through one place. */
  private authorize(context: ExecutionContext, principal: Principal): void {
    const scope = hostScopeOf(this.reflector, context);
    if (scope === 'platform' && principal.kind !== 'operator') throw new UnauthorizedException('Operator sign-in required');
    const roles = this.reflector.getAllAndOverride<string[] | undefined>(REQUIRED_ROLES, [context.getHandler(), context.getClass()]);
    if (!roles?.length) return;
    if (principal.kind !== 'user' || !roles.some((r) => principal.roles.includes(r))) {
      throw new ForbiddenException(`Requires one of the roles: ${roles.join(', ')}`);
    }
  }
}
