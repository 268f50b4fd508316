import { registerEnumType } from '@nestjs/graphql';

export enum Publication {
  PRIVATE = 'PRIVATE',
  PUBLIC = 'PUBLIC',
}
registerEnumType(Publication, {
  name: 'Publication',
  valuesMap: {
    PRIVATE: { description: 'nothing leaves the hub without sign-in (the default)' },
    PUBLIC: { description: "the network's public face, readable without sign-in through the OParl API" },
  },
});
