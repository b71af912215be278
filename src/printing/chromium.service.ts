import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Browser, chromium } from 'playwright-core';
import { AppConfig } from '../config/app-config';
import { CHROMIUM_ARGS, locateChromium } from './chromium-locator';

export interface PrintOptions {
  headerTemplate: string;
  footerTemplate: string;
}

/** Page box of every PDF: A4, with room above and below for Chromium's header and footer. */
export const PRINT_PAGE = {
  format: 'A4',
  margin: { top: '20mm', bottom: '18mm', left: '14mm', right: '14mm' },
} as const;

export class PrintTimeoutError extends Error {}

/**
 * The one door to Chromium (playwright-core driving Debian's `chromium`). One browser per
 * process, launched on first use; every print gets its own context (no cookies, cache or
 * storage shared between provinces' documents) with the network switched off. A browser that
 * crashed or was killed is noticed through its `disconnected` event and launched again on the
 * next print; a print that fails because its browser died mid-way is tried once more on a new one.
 * The page reaches nothing outside: the context is offline, and the HTML carries its fonts.
 */
@Injectable()
export class ChromiumService implements OnModuleDestroy {
  private readonly logger = new Logger(ChromiumService.name);
  private browser?: Promise<Browser>;
  private closing = false;

  constructor(private readonly config: AppConfig) {}

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    const browser = await this.browser?.catch(() => undefined);
    this.browser = undefined;
    await browser?.close().catch(() => undefined);
  }

  /** Prints `html` (self-contained: fonts as data: URLs) to PDF bytes within config.pdf.timeoutMs. */
  async print(html: string, options: PrintOptions): Promise<Buffer> {
    const browser = await this.connected();
    try {
      return await this.printOn(browser, html, options);
    } catch (error) {
      if (browser.isConnected() || this.closing) throw error;
      this.logger.warn(
        { err: (error as Error).message },
        'Chromium went away during a print; printing again on a new browser',
      );
      return this.printOn(await this.connected(), html, options);
    }
  }

  private async printOn(browser: Browser, html: string, options: PrintOptions): Promise<Buffer> {
    const context = await browser.newContext({ offline: true, locale: 'en-GB' });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new PrintTimeoutError(`printing took longer than ${this.config.pdf.timeoutMs} ms`)),
        this.config.pdf.timeoutMs,
      );
    });
    try {
      const work = (async () => {
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load', timeout: this.config.pdf.timeoutMs });
        // Web fonts load when layout first needs them; printing before they arrive gives fallback glyphs.
        await page.evaluate('document.fonts.ready.then(() => undefined)');
        return page.pdf({ ...PRINT_PAGE, printBackground: true, displayHeaderFooter: true, ...options });
      })();
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
      await context.close().catch(() => undefined);
    }
  }

  /** The live browser; one whose process died (its event may not have arrived yet) is replaced. */
  private async connected(): Promise<Browser> {
    const current = this.launched();
    const browser = await current;
    if (browser.isConnected()) return browser;
    if (this.browser === current) this.browser = undefined;
    return this.launched();
  }

  private launched(): Promise<Browser> {
    if (this.closing) return Promise.reject(new Error('Chromium is shutting down'));
    if (!this.browser) {
      const launching = chromium.launch({
        executablePath: locateChromium(this.config.pdf.chromiumPath),
        args: CHROMIUM_ARGS,
        headless: true,
        timeout: this.config.pdf.timeoutMs,
      });
      this.browser = launching;
      const forget = () => {
        if (this.browser === launching) this.browser = undefined;
      };
      launching.then(
        (b) =>
          b.on('disconnected', () => {
            if (!this.closing) this.logger.warn('Chromium disconnected; the next print launches a new one');
            forget();
          }),
        forget,
      );
    }
    return this.browser;
  }
}
