import { Body, Controller, HttpCode, Ip, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import {
  ApiBody,
  ApiCookieAuth,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../tenancy/access.decorators';
import { BrowserSessions, OPERATOR_SESSION_COOKIE, WEB_CLIENT_HEADER } from '../auth/browser-sessions';
import { RefreshRequest, SignInRequest } from '../auth/dto';
import { PlatformHost } from '../tenancy/host-scope';
import { OperatorBrowserSessionResponse, OperatorSessionResponse } from './dto/operator.dto';
import { OperatorSession, OperatorSessionsService } from './operator-sessions.service';
import { QUEUE_BOARD_COOKIE, QUEUE_BOARD_ROUTE } from './queue-board-cookie';

const COOKIE = OPERATOR_SESSION_COOKIE;
const WEB_HEADER = {
  name: WEB_CLIENT_HEADER,
  required: false,
  enum: ['web'],
  description:
    `Browser mode. With it, sign-in sets the refresh token as the cookie ${COOKIE.name} (httpOnly, ` +
    `SameSite=Strict, Path=${COOKIE.path}, host-only, Secure over https) instead of returning it, and ` +
    'refresh/logout with an empty body use that cookie. An Origin header, if sent, must be this host.',
};
const SESSION_OR_BROWSER = {
  description:
    `API clients: OperatorSessionResponse. Browser mode (${WEB_CLIENT_HEADER}: web): OperatorBrowserSessionResponse ` +
    `(no refreshToken) and Set-Cookie ${COOKIE.name}.`,
  schema: {
    oneOf: [{ $ref: getSchemaPath(OperatorSessionResponse) }, { $ref: getSchemaPath(OperatorBrowserSessionResponse) }],
  },
};
const REFRESH_BODY = {
  type: RefreshRequest,
  required: false,
  description:
    `API clients send {"refreshToken"}; browser mode sends an empty body (or {}) with ${WEB_CLIENT_HEADER}: web ` +
    `and the ${COOKIE.name} cookie.`,
};
const NOT_HERE = { description: 'Asked on a province host: operator sessions exist on the platform host only' };

/**
 * Operators' sign-in, refresh and sign-out on the platform host: the province design
 * (src/auth/tenant-auth.controller.ts) with the operators' own cookie and tables.
 */
@ApiTags('platform')
@ApiExtraModels(OperatorSessionResponse, OperatorBrowserSessionResponse)
@PlatformHost()
@Controller('api/platform/auth')
export class PlatformAuthController {
  constructor(
    private readonly sessions: OperatorSessionsService,
    private readonly browser: BrowserSessions,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Operator sign-in (platform host only); the access token has audience "platform"' })
  @ApiHeader(WEB_HEADER)
  @ApiOkResponse(SESSION_OR_BROWSER)
  @ApiUnauthorizedResponse({ description: 'Wrong email or password, or a disabled account (the same answer for all)' })
  @ApiForbiddenResponse({ description: 'Browser mode from a page of another origin (Origin is not this host)' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed sign-ins for this account or address; see Retry-After' })
  @ApiNotFoundResponse(NOT_HERE)
  async login(
    @Body() body: SignInRequest,
    @Ip() address: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OperatorSessionResponse | OperatorBrowserSessionResponse> {
    const web = this.browser.isWebClient(req);
    if (web) this.browser.assertSameOrigin(req);
    const session = await this.sessions.signIn(body.email, body.password, address);
    return web ? this.toBrowser(res, session) : session;
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: "Exchange an operator's refresh token for a new access token and the next refresh token",
    description:
      `With {"refreshToken"} in the body: the API-client flow. With an empty body: browser mode, which needs ` +
      `${WEB_CLIENT_HEADER}: web (403 without it, or when Origin is another host), reads the ${COOKIE.name} cookie ` +
      'and sets the rotated one; a missing, unknown, expired or reused cookie, or a disabled operator, is 401 ' +
      'and the cookie is cleared.',
  })
  @ApiHeader(WEB_HEADER)
  @ApiCookieAuth('operator-refresh-cookie')
  @ApiBody(REFRESH_BODY)
  @ApiOkResponse(SESSION_OR_BROWSER)
  @ApiUnauthorizedResponse({
    description: 'Unknown, expired or already used (which revokes its family), or the operator is disabled',
  })
  @ApiForbiddenResponse({ description: `Empty body without ${WEB_CLIENT_HEADER}: web, or Origin is not this host` })
  @ApiNotFoundResponse(NOT_HERE)
  async refresh(
    @Body() body: RefreshRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OperatorSessionResponse | OperatorBrowserSessionResponse> {
    if (body.refreshToken !== undefined) return this.sessions.refresh(body.refreshToken);
    this.browser.assertWebRequest(req);
    const token = this.browser.readRefreshCookie(req, COOKIE);
    try {
      if (!token) throw new UnauthorizedException(`Refresh refused: no ${COOKIE.name} cookie; sign in again`);
      return this.toBrowser(res, await this.sessions.refresh(token));
    } catch (error) {
      if (error instanceof UnauthorizedException) this.browser.clearRefreshCookie(res, COOKIE);
      throw error;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({
    summary: "Operator sign-out: the refresh token's family stops working",
    description:
      'With {"refreshToken"} in the body: the API-client flow. With an empty body: browser mode ' +
      `(${WEB_CLIENT_HEADER}: web required, Origin checked): the ${COOKIE.name} cookie's family is revoked and ` +
      'the cookie cleared, also when it is missing or unknown.',
  })
  @ApiHeader(WEB_HEADER)
  @ApiCookieAuth('operator-refresh-cookie')
  @ApiBody(REFRESH_BODY)
  @ApiNoContentResponse({ description: 'Signed out (unknown tokens are ignored)' })
  @ApiForbiddenResponse({ description: `Empty body without ${WEB_CLIENT_HEADER}: web, or Origin is not this host` })
  @ApiNotFoundResponse(NOT_HERE)
  async logout(
    @Body() body: RefreshRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    if (body.refreshToken !== undefined) {
      await this.sessions.logout(body.refreshToken);
      return;
    }
    this.browser.assertWebRequest(req);
    const token = this.browser.readRefreshCookie(req, COOKIE);
    this.browser.clearRefreshCookie(res, COOKIE);
    // The queue dashboard's cookie would otherwise outlive the session until its token expires.
    res.clearCookie(QUEUE_BOARD_COOKIE, { httpOnly: true, sameSite: 'strict', path: QUEUE_BOARD_ROUTE });
    if (token) await this.sessions.logout(token);
  }

  /** The refresh token goes into the cookie and out of the body. */
  private toBrowser(res: Response, session: OperatorSession): OperatorBrowserSessionResponse {
    const { refreshToken, ...rest } = session;
    this.browser.setRefreshCookie(res, refreshToken, COOKIE);
    return rest;
  }
}
