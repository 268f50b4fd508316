import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { DateField } from '../../components/date-field';
import { Button, Form, FormActions, SelectField } from '../../components/form';
import { ErrorAlert, Notice } from '../../components/status';
import { graphql } from '../../gql';
import type { GroupRole } from '../../gql/graphql';
import { apiProblem, isGeneral, messageFor } from '../../graphql/errors';

const NetworkPeople = graphql(`
  query NetworkPeopleForGroup($slug: String!) {
    network(slug: $slug) {
      id
      people {
        role
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

const Add = graphql(`
  mutation AddGroupMember($input: AddGroupMemberInput!) {
    addGroupMember(input: $input) {
      role
    }
  }
`);

export const RemoveGroupMember = graphql(`
  mutation RemoveGroupMember($input: RemoveGroupMemberInput!) {
    removeGroupMember(input: $input)
  }
`);

const ROLES: GroupRole[] = ['MEMBER', 'MODERATOR', 'LEAD', 'GUEST'];

/**
 * For group managers: a person of the network into the group, with their role, the organization they
 * work for, and for guests the day their access ends. Whoever is in the group already is not offered.
 */
export function AddGroupMember({
  groupId,
  networkSlug,
  memberIds,
  onChanged,
}: {
  groupId: string;
  networkSlug: string;
  memberIds: Set<string>;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [{ data }] = useQuery({ query: NetworkPeople, variables: { slug: networkSlug }, pause: !open });
  const [personId, setPersonId] = useState('');
  const [role, setRole] = useState<GroupRole>('MEMBER');
  const [until, setUntil] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const [result, add] = useMutation(Add);
  const problem = apiProblem(result.error);
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('groupMembers.add')}
      </Button>
    );
  }
  const candidates = (data?.network?.people ?? []).filter((p) => !memberIds.has(p.person.id));
  const chosen = candidates.find((p) => p.person.id === personId) ?? candidates[0];
  const submit = async () => {
    if (!chosen) return;
    const res = await add({
      input: { groupId, personId: chosen.person.id, role, organizationId: chosen.organization?.id ?? null, until: role === 'GUEST' && until ? until : null },
    });
    if (!res.error) {
      setAdded(chosen.person.displayName);
      setPersonId('');
      onChanged();
    }
  };
  return (
    <Form onSubmit={submit}>
      <h3 className="kern-heading-small">{t('groupMembers.add')}</h3>
      {data && candidates.length === 0 && <p className="kern-body">{t('groupMembers.noCandidates')}</p>}
      {candidates.length > 0 && (
        <>
          <SelectField
            label={t('members.person')}
            value={chosen?.person.id ?? ''}
            onChange={(e) => setPersonId(e.target.value)}
            options={candidates.map((p) => ({
              value: p.person.id,
              label: p.organization ? `${p.person.displayName} (${p.organization.name})` : p.person.displayName,
            }))}
            error={messageFor(problem, 'personId')}
          />
          <SelectField
            label={t('members.role')}
            value={role}
            onChange={(e) => setRole(e.target.value as GroupRole)}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.group.${r}`) }))}
            error={messageFor(problem, 'role')}
          />
          {role === 'GUEST' && <DateField label={t('groupMembers.until')} optional value={until} onChange={setUntil} error={messageFor(problem, 'until')} />}
          {isGeneral(problem, ['personId', 'role', 'until', 'organizationId']) && <ErrorAlert problem={problem} />}
          <FormActions submitLabel={t('groupMembers.addSubmit')} busy={result.fetching} onCancel={() => setOpen(false)} />
        </>
      )}
      {added && <Notice kind="success" title={t('groupMembers.added', { name: added })} />}
    </Form>
  );
}
