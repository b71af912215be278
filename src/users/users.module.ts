import { Global, Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { AccountLinksController } from './account-links.controller';
import { MeController } from './me.controller';
import { PasswordHasher } from './password-hasher.service';
import { ProfileService } from './profile.service';
import { TokenVersions } from './token-versions.service';
import { UserAdminService } from './user-admin.service';
import { UserTokensRepository } from './user-tokens.repository';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from './user.entity';

/**
 * Province accounts: the account core (UsersService, password hashing) that auth and the business
 * modules build on, and the account screens (administration, one-time links, one's own account).
 * Global like the audit log: most modules name users. Ending a user's sessions goes through
 * USER_SESSIONS, which auth provides (docs/ARCHITECTURE.md, "Layers").
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([User]), DepartmentsModule],
  controllers: [UsersController, MeController, AccountLinksController],
  providers: [
    UsersService,
    UsersRepository,
    UserTokensRepository,
    PasswordHasher,
    UserAdminService,
    ProfileService,
    TokenVersions,
  ],
  exports: [UsersService, PasswordHasher, UserAdminService, TokenVersions],
})
export class UsersModule {}
