import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { AccountLinksController } from './account-links.controller';
import { MeController } from './me.controller';
import { ProfileService } from './profile.service';
import { UserAdminService } from './user-admin.service';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';

/** Province accounts over HTTP: administration, one-time links, one's own account. */
@Module({
  imports: [DepartmentsModule],
  controllers: [UsersController, MeController, AccountLinksController],
  providers: [UserAdminService, ProfileService, UsersRepository],
  exports: [UserAdminService],
})
export class UsersModule {}
