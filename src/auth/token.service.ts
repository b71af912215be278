import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';

export type Audience = 'platform' | 'tenant';

/** Claims of every access token Daftar issues (docs/ARCHITECTURE.md, "Tokens"). */
export interface AccessTokenClaims {
  sub: string;
  aud: Audience;
  /** The province the token belongs to; absent on operator tokens. */
  tid?: string;
  email: string;
  roles?: string[];
  /**
   * Province tokens: the user's token version when issued (users/token-versions.service.ts). A
   * change of roles, status or password raises it, and older tokens are refused. Absent on
   * operator tokens (read as 0 on a province token).
   */
  tv?: number;
  typ: 'access';
}

export interface IssuedToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  issueOperatorToken(operator: { id: string; email: string }): Promise<IssuedToken> {
    return this.sign({ sub: operator.id, aud: 'platform', email: operator.email, typ: 'access' });
  }

  issueUserToken(
    tenantId: string,
    user: { id: string; email: string; roles: string[] },
    tokenVersion: number,
  ): Promise<IssuedToken> {
    return this.sign({
      sub: user.id,
      aud: 'tenant',
      tid: tenantId,
      email: user.email,
      roles: user.roles,
      tv: tokenVersion,
      typ: 'access',
    });
  }

  private async sign(claims: AccessTokenClaims): Promise<IssuedToken> {
    const { aud, sub, ...rest } = claims;
    const accessToken = await this.jwt.signAsync(rest, {
      audience: aud,
      subject: sub,
      issuer: this.config.jwt.issuer,
      expiresIn: this.config.jwt.accessTokenTtlSeconds,
      algorithm: 'HS256',
    });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.jwt.accessTokenTtlSeconds };
  }
}
