import { Body, Controller, HttpCode, Ip, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import {
  ApiBody,
  ApiCookieAuth,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../tenancy/access.decorators';
import { BrowserSessions, REFRESH_COOKIE, REFRESH_COOKIE_PATH, WEB_CLIENT_HEADER } from './browser-sessions';
import { BrowserSessionResponse, RefreshRequest, SessionResponse, SignInRequest } from './dto';
import { IssuedRefreshToken } from './refresh-tokens.service';
import { IssuedToken } from './token.service';
import { TenantSignInService } from './tenant-sign-in.service';

const WEB_HEADER = {
  name: WEB_CLIENT_HEADER,
  required: false,
  enum: ['web'],
  description:
    `Browser mode. With it, sign-in sets the refresh token as ` +
    `the cookie ${REFRESH_COOKIE} (httpOnly, SameSite=Strict, ` +
    `Path=${REFRESH_COOKIE_PATH}, host-only, Secure over https) instead of returning it, ` +
    `and refresh/logout with an empty body use that cookie. ` +
    'An Origin header, if sent, must be this host.',
};
const SESSION_OR_BROWSER = {
  description:
    `API clients: SessionResponse. Browser mode (${WEB_CLIENT_HEADER}: web): ` +
    `BrowserSessionResponse (no refreshToken) and Set-Cookie ${REFRESH_COOKIE}.`,
  schema: { oneOf: [{ $ref: getSchemaPath(SessionResponse) }, { $ref: getSchemaPath(BrowserSessionResponse) }] },
};
const REFRESH_BODY = {
  type: RefreshRequest,
  required: false,
  description:
    `API clients send {"refreshToken"}; browser mode sends an empty body (or {}) ` +
    `with ${WEB_CLIENT_HEADER}: web and the ${REFRESH_COOKIE} cookie.`,
};

type Session = IssuedToken & IssuedRefreshToken;

@ApiTags('auth')
@ApiExtraModels(SessionResponse, BrowserSessionResponse)
@Controller('api/auth')
export class TenantAuthController {
  constructor(
    private readonly signIns: TenantSignInService,
    private readonly browser: BrowserSessions,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: "Sign in to this province (on the province's own host)" })
  @ApiHeader(WEB_HEADER)
  @ApiOkResponse(SESSION_OR_BROWSER)
  @ApiUnauthorizedResponse({ description: 'Wrong email or password (the same answer for both)' })
  @ApiForbiddenResponse({ description: 'Browser mode from a page of another origin (Origin is not this host)' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed sign-ins for this account or address; see Retry-After' })
  async login(
    @Body() body: SignInRequest,
    @Ip() address: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse | BrowserSessionResponse> {
    const web = this.browser.isWebClient(req);
    if (web) this.browser.assertSameOrigin(req);
    const session = await this.signIns.signIn(body.email, body.password, address);
    return web ? this.toBrowser(res, session) : session;
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for a new access token and the next refresh token',
    description:
      `With {"refreshToken"} in the body: the API-client flow, ` +
      `answered in the body. With an empty body: browser mode, which needs ` +
      `${WEB_CLIENT_HEADER}: web (403 without it, or when Origin is another host), ` +
      `reads the ${REFRESH_COOKIE} cookie and sets the rotated one; ` +
      'a missing, unknown, expired or reused cookie is 401 and the cookie is cleared.',
  })
  @ApiHeader(WEB_HEADER)
  @ApiCookieAuth('refresh-cookie')
  @ApiBody(REFRESH_BODY)
  @ApiOkResponse(SESSION_OR_BROWSER)
  @ApiUnauthorizedResponse({
    description: 'Unknown, expired or already used (which revokes its family); in browser mode also a missing cookie',
  })
  @ApiForbiddenResponse({ description: `Empty body without ${WEB_CLIENT_HEADER}: web, or Origin is not this host` })
  async refresh(
    @Body() body: RefreshRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse | BrowserSessionResponse> {
    if (body.refreshToken !== undefined) return this.signIns.refresh(body.refreshToken);
    this.browser.assertWebRequest(req);
    const token = this.browser.readRefreshCookie(req);
    try {
      if (!token) throw new UnauthorizedException(`Refresh refused: no ${REFRESH_COOKIE} cookie; sign in again`);
      return this.toBrowser(res, await this.signIns.refresh(token));
    } catch (error) {
      if (error instanceof UnauthorizedException) this.browser.clearRefreshCookie(res);
      throw error;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({
    summary: "Sign out: the refresh token's family stops working",
    description:
      `With {"refreshToken"} in the body: the API-client flow. ` +
      `With an empty body: browser mode (${WEB_CLIENT_HEADER}: web required, ` +
      `Origin checked): the ${REFRESH_COOKIE} cookie's family is revoked ` +
      `and the cookie cleared, also when it is missing or unknown.`,
  })
  @ApiHeader(WEB_HEADER)
  @ApiCookieAuth('refresh-cookie')
  @ApiBody(REFRESH_BODY)
  @ApiNoContentResponse({ description: 'Signed out (unknown tokens are ignored)' })
  @ApiForbiddenResponse({ description: `Empty body without ${WEB_CLIENT_HEADER}: web, or Origin is not this host` })
  async logout(
    @Body() body: RefreshRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    if (body.refreshToken !== undefined) {
      await this.signIns.logout(body.refreshToken);
      return;
    }
    this.browser.assertWebRequest(req);
    const token = this.browser.readRefreshCookie(req);
    this.browser.clearRefreshCookie(res);
    if (token) await this.signIns.logout(token);
  }

  /** The refresh token goes into the cookie and out of the body. */
  private toBrowser(res: Response, session: Session): BrowserSessionResponse {
    const { refreshToken, ...rest } = session;
    this.browser.setRefreshCookie(res, refreshToken);
    return rest;
  }
}
