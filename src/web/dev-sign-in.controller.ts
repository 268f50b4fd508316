import { Body, Controller, Inject, NotFoundException, Post } from '@nestjs/common';
import { Public } from '../auth/auth.decorators.js';
import { loadOrCreateDevKey, signDevToken } from '../auth/dev-keys.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { badInput } from '../common/domain-error.js';
import { DEMO_PEOPLE } from '../database/seed/demo-data.js';

const USERNAME = /^[a-z0-9._-]{1,64}$/i;
const TTL_SECONDS = 12 * 3600;

/**
 * The web client's name picker in development sign-in mode (no KEYCLOAK_URL): signs a token for
 * any username, like `npm run dev-token`. It does not exist in any other mode: with Keycloak, or
 * with NODE_ENV=production (which the configuration refuses anyway), it answers 404.
 */
@Controller('auth/dev-sign-in')
export class DevSignInController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Post()
  @Public()
  async signIn(@Body() body: unknown): Promise<{ accessToken: string; expiresIn: number }> {
    const { auth, production, dataDir } = this.config;
    if (auth.mode !== 'development' || production) throw new NotFoundException();
    const { username, admin } = (body ?? {}) as { username?: unknown; admin?: unknown };
    if (typeof username !== 'string' || !USERNAME.test(username)) {
      throw badInput('username', 'Bitte einen Namen aus Buchstaben, Ziffern, Punkt, Unter- oder Bindestrich angeben (höchstens 64 Zeichen)');
    }
    const key = await loadOrCreateDevKey(dataDir);
    const name = username.toLowerCase();
    // The demo people keep the names the demo data gives them.
    const displayName = DEMO_PEOPLE.find((p) => p.username === name)?.displayName;
    const accessToken = await signDevToken(key, auth.clientId, name, { admin: admin === true, ttlSeconds: TTL_SECONDS, name: displayName });
    return { accessToken, expiresIn: TTL_SECONDS };
  }
}
