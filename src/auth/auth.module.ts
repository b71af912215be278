import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AppConfig } from '../config/app-config';
import { JwtStrategy } from './jwt.strategy';
import { LoginThrottle } from './login-throttle.service';
import { PasswordHasher } from './password-hasher.service';
import { TokenService } from './token.service';
import { MeController, TenantAuthController } from './tenant-auth.controller';
import { RefreshTokensService } from './refresh-tokens.service';
import { TenantSignInService } from './tenant-sign-in.service';
import { UsersService } from '../users/users.service';

@Global()
@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: config.jwt.key as unknown as Buffer, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  controllers: [TenantAuthController, MeController],
  providers: [PasswordHasher, TokenService, JwtStrategy, UsersService, TenantSignInService, LoginThrottle, RefreshTokensService],
  exports: [PasswordHasher, TokenService, UsersService, LoginThrottle],
})
export class AuthModule {}
