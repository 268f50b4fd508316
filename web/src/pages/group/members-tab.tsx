import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { JoinDecision } from '../../components/join-decision';
import { SelectField } from '../../components/form';
import { ErrorAlert } from '../../components/status';
import { graphql } from '../../gql';
import type { GroupJoinPolicy } from '../../gql/graphql';
import { formatDate } from '../../lib/format';

const Decide = graphql(`
  mutation GroupDecideJoin($input: DecideGroupJoinRequestInput!) {
    decideGroupJoinRequest(input: $input) {
      id
      status
    }
  }
`);

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
  joinPolicy: GroupJoinPolicy;
  viewerCanManage: boolean;
  members: { role: string; since: string; until: string | null; person: { id: string; displayName: string }; organization: { id: string; name: string } | null }[];
  joinRequests: { id: string; message: string | null; person: { id: string; displayName: string }; organization: { id: string; name: string } | null }[];
}

export function MembersTab({ group, onChanged }: { group: GroupForMembers; onChanged: () => void }) {
  const { t } = useTranslation();
  const [, decide] = useMutation(Decide);
  const [policyResult, setPolicy] = useMutation(SetPolicy);
  const [policy, setPolicyValue] = useState<GroupJoinPolicy>(group.joinPolicy);
  return (
    <>
      <div className="ik-table-wrap">
        <table className="kern-table kern-table--striped">
          <caption className="kern-sr-only">{t('group.tabs.members')}</caption>
          <thead className="kern-table__head">
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">{t('members.person')}</th>
              <th scope="col" className="kern-table__header">{t('members.organization')}</th>
              <th scope="col" className="kern-table__header">{t('members.role')}</th>
              <th scope="col" className="kern-table__header">{t('members.since')}</th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {group.members.map((m) => (
              <tr key={m.person.id} className="kern-table__row">
                <td className="kern-table__cell">{m.person.displayName}</td>
                <td className="kern-table__cell">{m.organization?.name ?? '–'}</td>
                <td className="kern-table__cell">
                  {t(`roles.group.${m.role}`)}
                  {m.until && ` (${t('members.until', { date: formatDate(m.until) })})`}
                </td>
                <td className="kern-table__cell">{formatDate(m.since)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {group.viewerCanManage && (
        <>
          <h3 className="kern-heading-small">{t('members.requests')}</h3>
          {group.joinRequests.length === 0 && <p className="kern-body">{t('members.noRequests')}</p>}
          <ul className="ik-list">
            {group.joinRequests.map((r) => (
              <li key={r.id} className="ik-list__item ik-list__item--stack">
                <div>
                  <strong>{r.person.displayName}</strong>
                  {r.organization && <span className="kern-body kern-body--small"> ({r.organization.name})</span>}
                  {r.message && <blockquote className="ik-quote">{r.message}</blockquote>}
                </div>
                <JoinDecision subject={r.person.displayName} onDecide={(approve, reason) => decide({ input: { requestId: r.id, approve, reason } }).then((res) => (res.error ? res.error : (onChanged(), null)))} />
              </li>
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
