import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { BrowserSessionResponse } from '../../auth/dto';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../users/password-policy';
import { IsPlainText } from '../../common/validation';

export class CreateOperatorRequest {
  @ApiProperty({ example: 'ops2@pnd.kp.gov.pk' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Sana Gul' })
  @IsString()
  @Length(1, 200)
  @IsPlainText()
  name: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'The same policy as province users: 12+ characters, 5+ different, not containing the email',
  })
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  password: string;
}

export class OperatorResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'operator@daftar.local' }) email: string;
  @ApiProperty({ example: 'Platform operator' }) name: string;
  @ApiProperty({ enum: ['active', 'disabled'] }) status: 'active' | 'disabled';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastLoginAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class OperatorMeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['active', 'disabled'] }) status: 'active' | 'disabled';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastLoginAt: Date | null;
}

export class OperatorIdentityResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
}

/** Browser mode (X-Daftar-Client: web): the refresh token is in the daftar_operator_refresh cookie, not here. */
export class OperatorBrowserSessionResponse extends BrowserSessionResponse {
  @ApiProperty({ type: OperatorIdentityResponse }) operator: OperatorIdentityResponse;
}

export class OperatorSessionResponse extends OperatorBrowserSessionResponse {
  @ApiProperty({
    description:
      'Opaque; exchange it at POST /api/platform/auth/refresh. Each use returns a new one. Absent in browser mode, ' +
      'where it is set as the daftar_operator_refresh cookie instead.',
  })
  refreshToken: string;
}

export class PlatformProfileResponse {
  @ApiProperty({ enum: ['platform'] }) kind: 'platform';
  @ApiProperty({ example: 'Daftar' }) name: string;
  @ApiProperty({ example: 'daftar.gov.pk', description: 'The base domain; provinces live on <slug>.<domain>' })
  domain: string;
}

export class OperatorGuardRefusal {
  @ApiProperty({ example: 409 }) statusCode: number;
  @ApiProperty({ example: 'You cannot disable your own account; ask another operator' }) message: string;
  @ApiPropertyOptional({ enum: ['own-account', 'last-active'] }) reason?: 'own-account' | 'last-active';
}
