import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { OwnAuthentication } from '../auth/auth.decorators.js';
import { CalendarService } from './calendar.service.js';

/** ICS feeds. The secret token in the URL is the credential (calendar clients send no bearer token). */
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('groups/:file')
  @OwnAuthentication()
  async group(@Param('file') file: string, @Query('token') token: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const groupId = file.endsWith('.ics') ? file.slice(0, -4) : '';
    await this.send(reply, groupId && token ? await this.calendar.groupFeed(groupId, token) : null);
  }

  @Get(':file')
  @OwnAuthentication()
  async personal(@Param('file') file: string, @Res() reply: FastifyReply): Promise<void> {
    const token = file.endsWith('.ics') ? file.slice(0, -4) : '';
    await this.send(reply, token ? await this.calendar.personalFeed(token) : null);
  }

  private async send(reply: FastifyReply, body: string | null): Promise<void> {
    if (body === null) {
      await reply.status(404).header('content-type', 'text/plain; charset=utf-8').send('Kalender nicht gefunden');
      return;
    }
    await reply
      .status(200)
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('cache-control', 'private, max-age=300')
      .header('content-disposition', 'inline; filename="interkom.ics"')
      .send(body);
  }
}
