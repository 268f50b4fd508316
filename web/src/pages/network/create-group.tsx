import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { navigate } from 'wouter/use-browser-location';
import { Button, Form, FormActions, SelectField, TextAreaField, TextField } from '../../components/form';
import { ErrorAlert } from '../../components/status';
import { graphql } from '../../gql';
import type { GroupJoinPolicy, GroupLevel } from '../../gql/graphql';
import { apiProblem, isGeneral, messageFor } from '../../graphql/errors';

const Create = graphql(`
  mutation CreateGroup($input: CreateGroupInput!) {
    createGroup(input: $input) {
      id
    }
  }
`);

const People = graphql(`
  query GroupLeadCandidates($slug: String!) {
    network(slug: $slug) {
      id
      people {
        person {
          id
          displayName
        }
      }
    }
  }
`);

const LEVELS: GroupLevel[] = ['PLENUM', 'EXPERT_GROUP', 'PROJECT_GROUP'];
const RANK: Record<GroupLevel, number> = { PLENUM: 0, EXPERT_GROUP: 1, PROJECT_GROUP: 2 };

/** The groups a new group of `level` may stand under: a higher level (a plenum stands under nothing). */
export function possibleParents<G extends { level: GroupLevel }>(groups: G[], level: GroupLevel): G[] {
  return level === 'PLENUM' ? [] : groups.filter((g) => RANK[g.level] < RANK[level]);
}

/**
 * For network ADMINs and MODERATORs: a new plenum, expert group or project group, with the group it
 * belongs under, its lead city (the federführende Stadt) and how members join. Opens the new group.
 */
export function CreateGroup({
  networkId,
  networkSlug,
  meId,
  groups,
  organizations,
}: {
  networkId: string;
  networkSlug: string;
  /** The creator: the group's lead person unless another is chosen, so no group starts without someone who decides. */
  meId: string;
  groups: { id: string; name: string; level: GroupLevel }[];
  organizations: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [level, setLevel] = useState<GroupLevel>('PROJECT_GROUP');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [parentId, setParentId] = useState('');
  const [leadId, setLeadId] = useState('');
  const [joinPolicy, setJoinPolicy] = useState<GroupJoinPolicy>('APPROVAL');
  const [leadPersonId, setLeadPersonId] = useState<string | null>(null);
  const [people] = useQuery({ query: People, variables: { slug: networkSlug }, pause: !open });
  const candidates = people.data?.network?.people.map((p) => p.person) ?? [];
  // The creator leads, unless they chose someone else (a hub admin without a role in the network chooses).
  const lead = leadPersonId ?? (candidates.some((p) => p.id === meId) ? meId : '');
  const [result, create] = useMutation(Create);
  const problem = apiProblem(result.error);
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('createGroup.open')}
      </Button>
    );
  }
  const parents = possibleParents(groups, level);
  const parent = parents.some((g) => g.id === parentId) ? parentId : '';
  const submit = async () => {
    const res = await create({
      input: {
        networkId,
        level,
        name,
        description: description.trim() || null,
        parentGroupId: parent || null,
        leadOrganizationId: leadId || null,
        leadPersonId: lead || null,
        joinPolicy,
      },
    });
    if (res.data) navigate(`/gruppen/${res.data.createGroup.id}`);
  };
  const fields = ['name', 'description', 'level', 'parentGroupId', 'leadOrganizationId', 'leadPersonId', 'joinPolicy'];
  return (
    <Form onSubmit={submit}>
      <h3 className="kern-heading-small">{t('createGroup.open')}</h3>
      <SelectField
        label={t('createGroup.level')}
        value={level}
        onChange={(e) => setLevel(e.target.value as GroupLevel)}
        options={LEVELS.map((l) => ({ value: l, label: t(`group.level.${l}`) }))}
        error={messageFor(problem, 'level')}
      />
      <TextField label={t('createGroup.name')} value={name} onChange={(e) => setName(e.target.value)} error={messageFor(problem, 'name')} required />
      <TextAreaField
        label={t('createGroup.description')}
        optional
        rows={3}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={messageFor(problem, 'description')}
      />
      {level !== 'PLENUM' && (
        <SelectField
          label={t('createGroup.parent')}
          optional
          value={parent}
          onChange={(e) => setParentId(e.target.value)}
          options={[
            { value: '', label: t('createGroup.noParent') },
            ...parents.map((g) => ({ value: g.id, label: `${g.name} (${t(`group.level.${g.level}`)})` })),
          ]}
          error={messageFor(problem, 'parentGroupId')}
        />
      )}
      <SelectField
        label={t('createGroup.lead')}
        hint={t('createGroup.leadHint')}
        optional
        value={leadId}
        onChange={(e) => setLeadId(e.target.value)}
        options={[{ value: '', label: t('createGroup.noLead') }, ...organizations.map((o) => ({ value: o.id, label: o.name }))]}
        error={messageFor(problem, 'leadOrganizationId')}
      />
      <SelectField
        label={t('createGroup.leadPerson')}
        hint={t('createGroup.leadPersonHint')}
        value={lead}
        onChange={(e) => setLeadPersonId(e.target.value)}
        options={[
          { value: '', label: t('createGroup.chooseLeadPerson') },
          ...candidates.map((p) => ({ value: p.id, label: p.id === meId ? t('createGroup.me', { name: p.displayName }) : p.displayName })),
        ]}
        error={messageFor(problem, 'leadPersonId')}
        required
      />
      <SelectField
        label={t('members.joinPolicy')}
        value={joinPolicy}
        onChange={(e) => setJoinPolicy(e.target.value as GroupJoinPolicy)}
        options={(['OPEN', 'APPROVAL', 'CLOSED'] as const).map((p) => ({ value: p, label: t(`group.policy.${p}`) }))}
        error={messageFor(problem, 'joinPolicy')}
      />
      {isGeneral(problem, fields) && <ErrorAlert problem={problem} />}
      <FormActions submitLabel={t('createGroup.submit')} busy={result.fetching} onCancel={() => setOpen(false)} />
    </Form>
  );
}
