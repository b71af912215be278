import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ClsServiceManager } from 'nestjs-cls';
import { DaftarStore, Principal } from '../tenancy/tenant-context';

export const IS_PUBLIC = 'daftar:public';
export const REQUIRED_ROLES = 'daftar:roles';

/** No token needed (sign-in, public province profile, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The signed-in province user must hold at least one of these roles. */
export const Roles = (...roles: string[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The verified principal of this request (set by JwtAuthGuard). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, _ctx: ExecutionContext): Principal | undefined =>
  ClsServiceManager.getClsService<DaftarStore>().get('principal'),
);
