import { BadRequestException, Controller, Get, Header, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, Public, readUnsubscribeToken, unsubscribePage } from '@careers/platform';
import { PreferencesService } from '../preferences/preferences.service.js';

/**
 * One-click unsubscribe from the link in every email. GET shows a button (mail
 * scanners follow links, so a GET changes nothing); POST, from that button or
 * from a mail client's List-Unsubscribe-Post, turns the emails off.
 */
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(
    private readonly preferences: PreferencesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  confirm(@Query('token') token: string): string {
    this.read(token);
    return unsubscribePage('Stop these emails? You will still see these notifications in the app.', 'Stop these emails');
  }

  @Public()
  @Post()
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  async unsubscribe(@Query('token') token: string): Promise<string> {
    const { userId, kind } = this.read(token);
    await this.preferences.set(userId, kind, 'EMAIL', false);
    return unsubscribePage('Done: you will get no more of these emails. You can turn them on again in your notification settings.');
  }

  private read(token: unknown) {
    const found = readUnsubscribeToken(this.config.JWT_SECRET, token);
    if (!found) throw new BadRequestException('This unsubscribe link is not valid. Use the link of a recent email, or change your settings in the app.');
    return found;
  }
}
