import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { IsOptionalNotNull } from '../common/validation';

export class SignInRequest {
  @ApiProperty({ example: 'admin@gb.gov.pk' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class TokenResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ example: 900, description: 'seconds until the access token expires' }) expiresIn: number;
}

/** Browser mode (header X-Daftar-Client: web): the refresh token is in the daftar_refresh cookie, not here. */
export class BrowserSessionResponse extends TokenResponse {
  @ApiProperty({ example: 604800, description: 'seconds until the refresh token (and its cookie) expires' })
  refreshExpiresIn: number;
}

export class SessionResponse extends BrowserSessionResponse {
  @ApiProperty({
    description:
      'Opaque; exchange it at POST /api/auth/refresh. Each use returns a new one. Absent in browser mode ' +
      '(X-Daftar-Client: web), where it is set as the daftar_refresh cookie instead.',
  })
  refreshToken: string;
}

export class RefreshRequest {
  @ApiPropertyOptional({
    description:
      'API clients: the refresh token. Browser mode leaves it out (empty body) ' +
      'and sends the daftar_refresh cookie with the header X-Daftar-Client: web.',
  })
  @IsOptionalNotNull()
  @IsString()
  @Length(20, 200)
  refreshToken?: string;
}
