import { INestApplicationContext } from '@nestjs/common';

/**
 * Graceful stop on SIGTERM/SIGINT: Nest closes the HTTP server (no new requests) and BullMQ
 * workers (active jobs finish; unfinished ones are retried by another worker as stalled). A
 * hard deadline stops a stuck shutdown from outliving the orchestrator's grace period.
 */
export function installShutdown(app: INestApplicationContext, timeoutMs: number): void {
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    const deadline = setTimeout(() => {
      process.stderr.write(`Shutdown after ${signal} took over ${timeoutMs} ms; exiting now\n`);
      process.exit(1);
    }, timeoutMs);
    deadline.unref();
    app
      .close()
      .then(() => process.exit(0))
      .catch(() => process.exit(1));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
