import { Module } from '@nestjs/common';
import { DevSignInController } from './dev-sign-in.controller.js';

/** The web client's server side: the development sign-in (static files are served in bootstrap). */
@Module({ controllers: [DevSignInController] })
export class WebModule {}
