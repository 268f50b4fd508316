import { Module } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { IMIP_REPLY_SINK } from './imip-reply.js';
import { RsvpReplySink } from './imip-reply-sink.js';
import { ExpectedAttendanceResolver, MeetingAnswerResolver, MeetingInviteeResolver, MeetingRsvpResolver } from './graphql/rsvp.resolver.js';
import { RsvpService } from './rsvp.service.js';

/**
 * Answers to invitations (Zusage, Absage, Vielleicht, Vertretung) in the client and from mail
 * programs (iMIP REPLY through IMIP_REPLY_SINK); the tokenized organizer address of invitation
 * mails is made by replyAddress() (src/rsvp/reply-address.ts).
 */
@Module({
  imports: [MeetingsModule],
  providers: [Clock, RsvpService, RsvpReplySink, { provide: IMIP_REPLY_SINK, useExisting: RsvpReplySink },
    MeetingRsvpResolver, MeetingAnswerResolver, ExpectedAttendanceResolver, MeetingInviteeResolver],
  exports: [IMIP_REPLY_SINK, RsvpService],
})
export class RsvpModule {}
