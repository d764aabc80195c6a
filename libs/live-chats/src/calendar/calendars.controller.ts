import { Controller, Get, Header, NotFoundException, Param, Query } from '@nestjs/common';
import { isUuid, Public } from '@careers/platform';
import { CalendarsService } from './calendars.service.js';

const NOT_FOUND = 'No such calendar. The link may have been replaced by a newer one: copy it again from the app.';

/** Calendar files over plain HTTP, for calendar apps that cannot sign in: the links themselves are the secrets. */
@Controller()
export class CalendarsController {
  constructor(private readonly calendars: CalendarsService) {}

  @Public()
  @Get('live-chats/:id/event.ics')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, max-age=300')
  async event(@Param('id') id: string, @Query('token') token: unknown): Promise<string> {
    const ics = isUuid(id) && typeof token === 'string' && token.length < 100 ? await this.calendars.eventIcs(id.toLowerCase(), token) : null;
    if (!ics) throw new NotFoundException(NOT_FOUND);
    return ics;
  }

  @Public()
  @Get('calendar/:file')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, max-age=300')
  async feed(@Param('file') file: string): Promise<string> {
    const ics = file.endsWith('.ics') ? await this.calendars.feed(file.slice(0, -4)) : null;
    if (!ics) throw new NotFoundException(NOT_FOUND);
    return ics;
  }
}
