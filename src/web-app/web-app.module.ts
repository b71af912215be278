import { Module } from '@nestjs/common';
import { WebAppServer } from './web-app.server';

/**
 * The browser app (web/, built into WEB_DIST_DIR) served at the API's own origin, so sessions
 * use a same-site cookie and no CORS is needed. configureApp installs its middleware ahead of
 * the API's routes.
 */
@Module({ providers: [WebAppServer], exports: [WebAppServer] })
export class WebAppModule {}
