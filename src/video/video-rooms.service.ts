import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SignJWT } from 'jose';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';

export type RoomKind = 'meeting' | 'webinar';

export interface JoinRequest {
  kind: RoomKind;
  /** The meeting's or webinar's id. */
  id: string;
  person: { displayName: string };
  /** The meeting's managers, a webinar's organizers. */
  moderator: boolean;
  startsAt: Date;
  endsAt: Date;
}

const SECRET_NAME = 'video-room-names';
/** Tokens are valid from 30 minutes before the start until 2 hours after the end. */
const EARLY_MS = 30 * 60_000;
const LATE_MS = 2 * 3600_000;

/**
 * Jitsi Meet rooms (JITSI_URL). A room's name is an HMAC of its meeting's or webinar's id keyed by
 * a secret the hub keeps in its database: stable, and unguessable without the secret. With
 * JITSI_APP_ID/JITSI_APP_SECRET every link is personal: an HS256 JWT in `jwt`, with the claims
 * prosody's token authentication checks (iss, aud "jitsi", sub = the Jitsi host, room, nbf/exp)
 * and `context.user` (name, moderator). Without JITSI_URL there are no generated rooms.
 */
@Injectable()
export class VideoRoomService {
  private key?: Promise<Buffer>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get enabled(): boolean {
    return this.config.video !== null;
  }

  /** Whether links are personal (token authentication) rather than plain room links. */
  get personal(): boolean {
    return !!this.config.video?.token;
  }

  async roomName(kind: RoomKind, id: string): Promise<string> {
    const mac = createHmac('sha256', await this.secret()).update(`${kind}:${id}`).digest('hex');
    return `interkom-${mac.slice(0, 32)}`;
  }

  /** The room without a token (what an announcement in a room of the allowed may carry); null without JITSI_URL. */
  async roomUrl(kind: RoomKind, id: string): Promise<string | null> {
    const video = this.config.video;
    return video ? `${video.url}/${await this.roomName(kind, id)}` : null;
  }

  /** The caller's join link: personal with token authentication, else the plain room; null without JITSI_URL. */
  async joinUrl(request: JoinRequest): Promise<string | null> {
    const video = this.config.video;
    if (!video) return null;
    const room = await this.roomName(request.kind, request.id);
    if (!video.token) return `${video.url}/${room}`;
    const jwt = await new SignJWT({ room, context: { user: { name: request.person.displayName, moderator: request.moderator } } })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(video.token.appId)
      .setAudience('jitsi')
      .setSubject(video.host)
      .setIssuedAt()
      .setNotBefore(Math.floor((request.startsAt.getTime() - EARLY_MS) / 1000))
      .setExpirationTime(Math.floor((request.endsAt.getTime() + LATE_MS) / 1000))
      .sign(new TextEncoder().encode(video.token.appSecret));
    return `${video.url}/${room}?jwt=${jwt}`;
  }

  /** The key of the room names: made once, kept in the database (all instances share it, restarts keep it). */
  private secret(): Promise<Buffer> {
    this.key ??= (async () => {
      await this.db.query('INSERT INTO hub_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [SECRET_NAME, randomBytes(32).toString('base64')]);
      const [row] = await this.db.query<{ value: string }[]>('SELECT value FROM hub_secret WHERE name = $1', [SECRET_NAME]);
      return Buffer.from(row.value, 'base64');
    })().catch((error: unknown) => {
      this.key = undefined;
      throw error;
    });
    return this.key;
  }
}
