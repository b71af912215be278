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
import { PasswordHasher } from './password-hasher.service';
import { TokenService } from './token.service';
import { TenantAuthController } from './tenant-auth.controller';
import { RefreshTokensService } from './refresh-tokens.service';
import { TenantSignInService } from './tenant-sign-in.service';
import { UsersRepository } from '../users/users.repository';
import { OperatorsRepository } from '../platform/operators.repository';
import { UsersService } from '../users/users.service';

@Global()
@Module({
  imports: [
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
    PasswordHasher,
    TokenService,
    JwtStrategy,
    UsersService,
    UsersRepository,
    TenantSignInService,
    LoginThrottle,
    RefreshTokensService,
    EndpointCatalog,
    BrowserSessions,
    // The operator status check of JwtStrategy (the platform module owns the table).
    OperatorsRepository,
  ],
  // JwtModule: the console's own gates (/metrics, the queue dashboard) verify operator tokens with the same key.
  exports: [PasswordHasher, TokenService, UsersService, LoginThrottle, EndpointCatalog, JwtModule],
})
export class AuthModule {}
