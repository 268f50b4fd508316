import { Module } from '@nestjs/common';
import { MeetingVideoResolver } from './meeting-video.resolver.js';
import { VideoRoomService } from './video-rooms.service.js';

/** Generated Jitsi rooms and personal join links (JITSI_URL, JITSI_APP_ID, JITSI_APP_SECRET). */
@Module({ providers: [VideoRoomService, MeetingVideoResolver], exports: [VideoRoomService] })
export class VideoModule {}
