import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength, MinLength } from 'class-validator';

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

export class SessionResponse extends TokenResponse {
  @ApiProperty({ description: 'Opaque; exchange it at POST /api/auth/refresh. Each use returns a new one.' }) refreshToken: string;
  @ApiProperty({ example: 604800, description: 'seconds until the refresh token expires' }) refreshExpiresIn: number;
}

export class RefreshRequest {
  @ApiProperty()
  @IsString()
  @Length(20, 200)
  refreshToken: string;
}

export class MeResponse {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: ['tenant_admin'] }) roles: string[];
  @ApiProperty({ example: 'active' }) status: string;
  @ApiProperty({ example: 'gb' }) province: string;
}
