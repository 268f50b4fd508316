import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Link } from 'wouter';
import { Button, SelectField, TextAreaField } from '../../components/form';
import { Badge, ErrorAlert, Notice } from '../../components/status';
import { graphql } from '../../gql';
import type { GroupTreeItemFragment } from '../../gql/graphql';
import { apiProblem, messageFor } from '../../graphql/errors';

export const GroupTreeItem = graphql(`
  fragment GroupTreeItem on Group {
    id
    name
    level
    description
    joinPolicy
    memberCount
    myRole
    viewerCanManage
    parent {
      id
    }
    leadOrganization {
      id
      name
    }
    myJoinRequest {
      id
      status
    }
  }
`);

const RequestGroup = graphql(`
  mutation RequestGroupMembership($input: RequestGroupMembershipInput!) {
    requestGroupMembership(input: $input) {
      id
      status
    }
  }
`);

/** Plenum → expert groups → project groups, each with its lead city and a way in. */
export function GroupTree({
  groups,
  myOrganizations,
  onChanged,
}: {
  groups: GroupTreeItemFragment[];
  myOrganizations: { id: string; name: string }[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const ids = new Set(groups.map((g) => g.id));
  const childrenOf = (id: string | null) => groups.filter((g) => (g.parent && ids.has(g.parent.id) ? g.parent.id : null) === id);
  const render = (list: GroupTreeItemFragment[]) => (
    <ul className="ik-tree">
      {list.map((g) => (
        <li key={g.id}>
          <GroupCard group={g} myOrganizations={myOrganizations} onChanged={onChanged} />
          {childrenOf(g.id).length > 0 && render(childrenOf(g.id))}
        </li>
      ))}
    </ul>
  );
  if (!groups.length) return <p className="kern-body">{t('network.noGroups')}</p>;
  return render(childrenOf(null));
}

function GroupCard({
  group,
  myOrganizations,
  onChanged,
}: {
  group: GroupTreeItemFragment;
  myOrganizations: { id: string; name: string }[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [organizationId, setOrganizationId] = useState(myOrganizations[0]?.id ?? '');
  const [result, request] = useMutation(RequestGroup);
  const problem = apiProblem(result.error);
  const pending = group.myJoinRequest?.status === 'PENDING';
  const submit = async () => {
    const res = await request({ input: { groupId: group.id, message: message.trim() || null, organizationId: organizationId || null } });
    if (!res.error) {
      setOpen(false);
      onChanged();
    }
  };
  return (
    <div className="kern-card ik-group-card">
      <div className="kern-card__container">
        <div className="kern-card__header">
          <p className="kern-preline">{t(`group.level.${group.level}`)}</p>
          <h3 className="kern-heading-small">
            <Link href={`/gruppen/${group.id}`} className="kern-link">
              {group.name}
            </Link>
          </h3>
        </div>
        <div className="kern-card__body">
          {group.description && <p className="kern-body">{group.description}</p>}
          <p className="kern-body kern-body--small">
            {group.leadOrganization && <>{t('group.lead', { city: group.leadOrganization.name })} · </>}
            {t('group.memberCount', { count: group.memberCount })}
          </p>
          <div className="ik-actions">
            {group.myRole ? (
              <Badge kind="success">{t('group.youAre', { role: t(`roles.group.${group.myRole}`) })}</Badge>
            ) : pending ? (
              <Badge kind="info">{t('group.requestPending')}</Badge>
            ) : group.joinPolicy === 'CLOSED' ? (
              <span className="kern-body kern-body--small">{t('group.closed')}</span>
            ) : !open ? (
              <Button
                variant="secondary"
                onClick={() => setOpen(true)}
                aria-label={t(group.joinPolicy === 'OPEN' ? 'group.joinLabel' : 'group.requestLabel', { name: group.name })}
              >
                {t(group.joinPolicy === 'OPEN' ? 'group.join' : 'group.request')}
              </Button>
            ) : null}
          </div>
          {open && (
            <form
              className="ik-form"
              onSubmit={(e) => {
                e.preventDefault();
                void submit();
              }}
            >
              {group.joinPolicy === 'APPROVAL' && <Notice title={t('group.approvalHint')} />}
              {myOrganizations.length > 1 && (
                <SelectField
                  label={t('group.forOrganization')}
                  value={organizationId}
                  onChange={(e) => setOrganizationId(e.target.value)}
                  options={myOrganizations.map((o) => ({ value: o.id, label: o.name }))}
                  error={messageFor(problem, 'organizationId')}
                />
              )}
              <TextAreaField
                label={t('group.message')}
                optional
                rows={3}
                value={message}
                onChange={(e) => setMessage(e.target.value)}
                error={messageFor(problem, 'message')}
              />
              {problem && !messageFor(problem, 'message') && !messageFor(problem, 'organizationId') && <ErrorAlert problem={problem} />}
              <div className="ik-actions">
                <button type="submit" className="kern-btn kern-btn--primary" disabled={result.fetching}>
                  <span className="kern-label">{t(group.joinPolicy === 'OPEN' ? 'group.joinNow' : 'group.sendRequest')}</span>
                </button>
                <Button variant="tertiary" onClick={() => setOpen(false)}>
                  {t('common.cancel')}
                </Button>
              </div>
            </form>
          )}
        </div>
      </div>
    </div>
  );
}
