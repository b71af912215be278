import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AppConfig } from '../config/app-config';
import { BrowserSessions } from './browser-sessions';
import { EndpointCatalog } from './endpoint-catalog.service';
import { JwtStrategy } from './jwt.strategy';
import { RolesController } from './roles.controller';
import { LoginThrottle } from './login-throttle.service';
import { TokenService } from './token.service';
import { TenantAuthController } from './tenant-auth.controller';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { RefreshTokensService } from './refresh-tokens.service';
import { TenantSignInService } from './tenant-sign-in.service';
import { USER_SESSIONS } from '../users/user-sessions';
import { UsersModule } from '../users/users.module';

@Global()
@Module({
  imports: [
    UsersModule,
    PassportModule,
    DiscoveryModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.jwt.key as unknown as Buffer,
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [TenantAuthController, RolesController],
  providers: [
    TokenService,
    JwtStrategy,
    TenantSignInService,
    LoginThrottle,
    RefreshTokensService,
    RefreshTokensRepository,
    // How the account core (below auth) ends a user's sessions.
    { provide: USER_SESSIONS, useExisting: RefreshTokensService },
    EndpointCatalog,
    BrowserSessions,
  ],
  // JwtModule: the console's own gates (/metrics, the queue dashboard) verify operator tokens with the same key.
  exports: [TokenService, LoginThrottle, EndpointCatalog, JwtModule, USER_SESSIONS],
})
export class AuthModule {}
