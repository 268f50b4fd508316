import { Module } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { VideoModule } from '../video/video.module.js';
import { ChatError, ChatPort } from './chat.port.js';
import { ChatInboxService } from './chat-inbox.service.js';
import { MatrixAppserviceController } from './matrix-appservice.controller.js';
import { MatrixBridgeService } from './matrix-bridge.service.js';
import { MatrixOutboxProcessor } from './matrix-outbox.processor.js';
import { MatrixAdapter } from './matrix.adapter.js';
import { MatrixResolver } from './matrix.resolver.js';

/** Without a homeserver every call fails as retryable, so nothing is lost once one is configured. */
class BridgeOff extends ChatPort {
  private fail(): never {
    throw new ChatError('no Matrix homeserver configured (MATRIX_HOMESERVER_URL)', true);
  }
  ensureRoom = () => this.fail();
  linkChild = () => this.fail();
  syncMembers = () => this.fail();
  post = () => this.fail();
}

@Module({
  imports: [VideoModule],
  controllers: [MatrixAppserviceController],
  providers: [
    ChatInboxService,
    { provide: ChatPort, inject: [APP_CONFIG], useFactory: (config: AppConfig) => (config.matrix ? new MatrixAdapter(config.matrix) : new BridgeOff()) },
    MatrixBridgeService,
    MatrixOutboxProcessor,
    MatrixResolver,
  ],
  exports: [MatrixBridgeService, MatrixOutboxProcessor],
})
export class MatrixModule {}
