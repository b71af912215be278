import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ClsServiceManager } from 'nestjs-cls';
import { DaftarStore, Principal } from './tenant-context';
import { DeclaredPermission } from './permissions';

/*
 * What an endpoint declares about access. Every module's controllers use these, the tenancy core's
 * and the console's too, so they sit in the tenancy core beside the principal they read; auth's
 * guard enforces them (docs/ARCHITECTURE.md, "Layers").
 */
export const IS_PUBLIC = 'daftar:public';
export const REQUIRED_PERMISSION = 'daftar:permission';

/** No token needed (sign-in, public province profile, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The permission an endpoint needs; every non-public endpoint declares one (tested). */
export const RequirePermission = (permission: DeclaredPermission) => SetMetadata(REQUIRED_PERMISSION, permission);

/** The verified principal of this request (set by JwtAuthGuard). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, _ctx: ExecutionContext): Principal | undefined =>
  ClsServiceManager.getClsService<DaftarStore>().get('principal'),
);
