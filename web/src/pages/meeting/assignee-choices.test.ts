import { describe, expect, it } from 'vitest';
import type { AssigneeChoicesFragment } from '../../gql/graphql';
import { networkPeopleOutsideGroup } from './assignee-choices';

const person = (id: string, displayName: string) => ({ id, displayName });
const org = (id: string, name: string) => ({ id, name });

describe('networkPeopleOutsideGroup', () => {
  it('offers everyone of the network outside the group once, with their city when they act for one, by name', () => {
    const group = {
      organizations: [],
      members: [{ person: person('m', 'Mia Mitglied') }],
      network: {
        id: 'n',
        members: [],
        people: [
          { person: person('m', 'Mia Mitglied'), organization: org('a', 'Stadt Bühl') },
          { person: person('z', 'Zoe Zentrale'), organization: null },
          { person: person('b', 'Ben Bruchsal'), organization: org('b', 'Stadt Bruchsal') },
          { person: person('b', 'Ben Bruchsal'), organization: org('b', 'Stadt Bruchsal') },
        ],
      },
    } as unknown as AssigneeChoicesFragment;
    expect(networkPeopleOutsideGroup(group)).toEqual([
      { value: 'b', label: 'Ben Bruchsal (Stadt Bruchsal)' },
      { value: 'z', label: 'Zoe Zentrale' },
    ]);
  });
});
