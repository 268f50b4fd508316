import { Global, Module } from '@nestjs/common';
import { PeopleResolver } from './people.resolver.js';
import { PeopleService } from './people.service.js';
import { ViewerFieldsResolver } from './viewer-fields.resolver.js';

@Global()
@Module({ providers: [PeopleService, PeopleResolver, ViewerFieldsResolver], exports: [PeopleService] })
export class PeopleModule {}
