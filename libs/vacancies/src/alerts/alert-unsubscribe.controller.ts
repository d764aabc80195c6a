import { BadRequestException, Controller, Get, Header, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, Public, readUnsubscribeToken, unsubscribePage } from '@careers/platform';
import { alertUnsubscribeKind } from './alert-emails.js';
import { AlertsService } from './alerts.service.js';

/**
 * One-click unsubscribe from one alert's emails (RFC 8058): GET shows a button
 * (mail scanners follow links, so a GET changes nothing), POST turns that
 * alert's emails off. The alert itself, its feed and webhook go on.
 */
@Controller('alerts/unsubscribe')
export class AlertUnsubscribeController {
  constructor(
    private readonly alerts: AlertsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  confirm(@Query('token') token: string): string {
    this.read(token);
    return unsubscribePage('Stop emails for this alert? It will still show matches in the app and its feed.', 'Stop these emails');
  }

  @Public()
  @Post()
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  async unsubscribe(@Query('token') token: string): Promise<string> {
    const { userId, subscriptionId } = this.read(token);
    const stopped = await this.alerts.stopEmails(userId, subscriptionId);
    return unsubscribePage(stopped ? 'Done: this alert will send no more emails. You can turn them on again in your alerts.' : 'This alert no longer exists, so it sends no emails.');
  }

  private read(token: unknown): { userId: string; subscriptionId: string } {
    const found = readUnsubscribeToken(this.config.JWT_SECRET, token);
    const subscriptionId = found?.kind.startsWith(alertUnsubscribeKind('')) ? found.kind.slice(alertUnsubscribeKind('').length) : null;
    if (!found || !subscriptionId) throw new BadRequestException('This unsubscribe link is not valid. Use the link of a recent alert email, or change the alert in the app.');
    return { userId: found.userId, subscriptionId };
  }
}
