import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardInstance, BullBoardModule, InjectBullBoard } from '@bull-board/nestjs';
import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { AppConfig, expressTrustProxy } from '../config/app-config';
import { QUEUE_BOARD_ROUTE } from '../platform/queue-board-cookie';
import { AppQueues } from '../metrics/app-queues';
import { MetricsModule } from '../metrics/metrics.module';
import { PlatformModule } from '../platform/platform.module';
import { QueueBoardAccess } from './queue-board-access';
import { QueueBoardSessionController } from './queue-board-session.controller';

/** bull-board's Express app, with the main app's proxy trust and without its X-Powered-By header. */
function boardAdapter(config: AppConfig): new () => ExpressAdapter {
  return class DaftarBoardAdapter extends ExpressAdapter {
    constructor() {
      super();
      // Requests that fall through the dashboard to Nest keep this app's settings (Express sets req.app).
      this.getRouter().disable('x-powered-by').set('trust proxy', expressTrustProxy(config));
    }
  };
}

@Module({
  imports: [MetricsModule, PlatformModule],
  providers: [QueueBoardAccess],
  exports: [QueueBoardAccess],
})
class QueueBoardAccessModule {}

/** Puts every queue of the app on the dashboard (found at start-up, so a new queue appears without a change here). */
@Injectable()
class QueueBoardQueues implements OnModuleInit {
  constructor(
    @InjectBullBoard() private readonly board: BullBoardInstance,
    private readonly queues: AppQueues,
  ) {}

  onModuleInit(): void {
    for (const queue of this.queues.all()) this.board.addQueue(new BullMQAdapter(queue));
  }
}

/**
 * The BullMQ dashboard at /api/platform/queues (README, "Metrics and the queue dashboard"): operators only,
 * platform host only, its queue actions in the platform audit log (QueueBoardAccess).
 */
@Module({
  imports: [
    MetricsModule,
    PlatformModule,
    BullBoardModule.forRootAsync({
      imports: [QueueBoardAccessModule],
      inject: [QueueBoardAccess, AppConfig],
      useFactory: (access: QueueBoardAccess, config: AppConfig) => ({
        route: QUEUE_BOARD_ROUTE,
        adapter: boardAdapter(config),
        middleware: access.middleware(),
        boardOptions: {
          uiConfig: { boardTitle: 'Daftar queues' },
          handlerHooks: { before: (context) => access.beforeAction(context) },
        },
      }),
    }),
  ],
  controllers: [QueueBoardSessionController],
  providers: [QueueBoardQueues],
})
export class QueueBoardModule {}
