import { Module } from '@nestjs/common';
import { AccountLinksController } from './account-links.controller';
import { MeController } from './me.controller';
import { UserAdminService } from './user-admin.service';
import { UsersController } from './users.controller';

/** Province accounts over HTTP: administration, one-time links, one's own account. */
@Module({
  controllers: [UsersController, MeController, AccountLinksController],
  providers: [UserAdminService],
  exports: [UserAdminService],
})
export class UsersModule {}
