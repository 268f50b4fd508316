import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { DecideGroupJoin, JoinRequestItem, outcome } from '../../components/join-decision';
import { Cell, Row, Table } from '../../components/table';
import { ConfirmButton, SelectField } from '../../components/form';
import { ErrorAlert } from '../../components/status';
import { graphql } from '../../gql';
import type { GroupJoinPolicy } from '../../gql/graphql';
import { formatDate } from '../../lib/format';
import { AddGroupMember, RemoveGroupMember } from './add-group-member';

const SetPolicy = graphql(`
  mutation SetGroupJoinPolicy($groupId: ID!, $joinPolicy: GroupJoinPolicy!) {
    setGroupJoinPolicy(groupId: $groupId, joinPolicy: $joinPolicy) {
      id
      joinPolicy
    }
  }
`);

interface GroupForMembers {
  id: string;
  network: { slug: string };
  joinPolicy: GroupJoinPolicy;
  viewerCanManage: boolean;
  members: {
    role: string;
    since: string;
    until: string | null;
    person: { id: string; displayName: string };
    organization: { id: string; name: string } | null;
  }[];
  joinRequests: { id: string; message: string | null; person: { id: string; displayName: string }; organization: { id: string; name: string } | null }[];
}

export function MembersTab({ group, onChanged }: { group: GroupForMembers; onChanged: () => void }) {
  const { t } = useTranslation();
  const [, decide] = useMutation(DecideGroupJoin);
  const [policyResult, setPolicy] = useMutation(SetPolicy);
  const [policy, setPolicyValue] = useState<GroupJoinPolicy>(group.joinPolicy);
  const [removed, remove] = useMutation(RemoveGroupMember);
  const manage = group.viewerCanManage;
  return (
    <>
      <Table
        caption={t('group.tabs.members')}
        headers={[t('members.person'), t('members.organization'), t('members.role'), t('members.since'), ...(manage ? [''] : [])]}
        variant="striped"
      >
        {group.members.map((m) => (
          <Row key={m.person.id}>
            <Cell>{m.person.displayName}</Cell>
            <Cell>{m.organization?.name ?? '–'}</Cell>
            <Cell>
              {t(`roles.group.${m.role}`)}
              {m.until && ` (${t('members.until', { date: formatDate(m.until) })})`}
            </Cell>
            <Cell>{formatDate(m.since)}</Cell>
            {manage && (
              <Cell>
                <ConfirmButton
                  label={t('groupMembers.remove')}
                  ariaLabel={t('groupMembers.removeLabel', { name: m.person.displayName })}
                  confirmLabel={t('groupMembers.removeConfirm', { name: m.person.displayName })}
                  onConfirm={() => remove({ input: { groupId: group.id, personId: m.person.id } }).then((r) => !r.error && onChanged())}
                />
              </Cell>
            )}
          </Row>
        ))}
      </Table>
      <ErrorAlert error={removed.error} />
      {manage && (
        <AddGroupMember groupId={group.id} networkSlug={group.network.slug} memberIds={new Set(group.members.map((m) => m.person.id))} onChanged={onChanged} />
      )}
      {group.viewerCanManage && (
        <>
          <h3 className="kern-heading-small">{t('members.requests')}</h3>
          {group.joinRequests.length === 0 && <p className="kern-body">{t('members.noRequests')}</p>}
          <ul className="ik-list">
            {group.joinRequests.map((r) => (
              <JoinRequestItem
                key={r.id}
                title={r.person.displayName}
                details={r.organization?.name}
                message={r.message}
                subject={r.person.displayName}
                onDecide={(approve, reason) => decide({ input: { requestId: r.id, approve, reason } }).then(outcome(onChanged))}
              />
            ))}
          </ul>
          <form
            className="ik-form ik-form--inline"
            onSubmit={(e) => {
              e.preventDefault();
              void setPolicy({ groupId: group.id, joinPolicy: policy }).then((r) => !r.error && onChanged());
            }}
          >
            <SelectField
              label={t('members.joinPolicy')}
              value={policy}
              onChange={(e) => setPolicyValue(e.target.value as GroupJoinPolicy)}
              options={(['OPEN', 'APPROVAL', 'CLOSED'] as const).map((p) => ({ value: p, label: t(`group.policy.${p}`) }))}
            />
            <button type="submit" className="kern-btn kern-btn--secondary">
              <span className="kern-label">{t('common.save')}</span>
            </button>
          </form>
          <ErrorAlert error={policyResult.error} />
        </>
      )}
    </>
  );
}
