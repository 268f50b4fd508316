import { graphql } from '../../gql';
import type { AssigneeChoicesFragment } from '../../gql/graphql';

/** What the action item form offers: the group's people and organizations, then the rest of the network. */
export const AssigneeChoices = graphql(`
  fragment AssigneeChoices on Group {
    organizations {
      id
      name
    }
    members {
      person {
        id
        displayName
      }
    }
    network {
      id
      members {
        status
        organization {
          id
          name
        }
      }
      people {
        person {
          id
          displayName
        }
        organization {
          id
          name
        }
      }
    }
  }
`);

export interface ChoiceGroup {
  label: string;
  options: { value: string; label: string }[];
}

const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'de');

/**
 * Organizations: the group's first, then every other active member of the network. People: the
 * group's members first, then everyone acting for a member organization ("Name (Organisation)").
 * Groups without options are left out.
 */
export function assigneeChoices(
  group: AssigneeChoicesFragment,
  labels: { group: string; network: string },
): { organizations: ChoiceGroup[]; people: ChoiceGroup[] } {
  const inGroup = new Set(group.organizations.map((o) => o.id));
  const others = group.network.members
    .filter((m) => m.status === 'ACTIVE' && !inGroup.has(m.organization.id))
    .map((m) => ({ value: m.organization.id, label: m.organization.name }))
    .sort(byLabel);
  const members = new Set(group.members.map((m) => m.person.id));
  const groupPeople = [...new Map(group.members.map((m) => [m.person.id, { value: m.person.id, label: m.person.displayName }])).values()].sort(byLabel);
  const networkPeople = group.network.people
    .filter((p) => p.organization && !members.has(p.person.id))
    .map((p) => ({ value: p.person.id, label: `${p.person.displayName} (${p.organization!.name})` }))
    .sort(byLabel);
  const groups = (first: ChoiceGroup['options'], rest: ChoiceGroup['options']) =>
    [
      { label: labels.group, options: first },
      { label: labels.network, options: rest },
    ].filter((g) => g.options.length > 0);
  return {
    organizations: groups(group.organizations.map((o) => ({ value: o.id, label: o.name })).sort(byLabel), others),
    people: groups(groupPeople, networkPeople),
  };
}

/** Everyone with a role in the network who is not a member of the group ("Name (Organisation)"), for guests and deputies. */
export function networkPeopleOutsideGroup(group: AssigneeChoicesFragment): { value: string; label: string }[] {
  const members = new Set(group.members.map((m) => m.person.id));
  const people = new Map<string, { value: string; label: string }>();
  for (const p of group.network.people) {
    if (members.has(p.person.id) || people.has(p.person.id)) continue;
    people.set(p.person.id, { value: p.person.id, label: p.organization ? `${p.person.displayName} (${p.organization.name})` : p.person.displayName });
  }
  return [...people.values()].sort(byLabel);
}
