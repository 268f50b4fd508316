import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Button, SelectField, TextAreaField } from '../../components/form';
import { Badge, ErrorAlert, Notice } from '../../components/status';
import { graphql } from '../../gql';
import { apiProblem, messageFor } from '../../graphql/errors';

const RequestGroup = graphql(`
  mutation RequestGroupMembership($input: RequestGroupMembershipInput!) {
    requestGroupMembership(input: $input) {
      id
      status
    }
  }
`);

interface Props {
  group: {
    id: string;
    name: string;
    joinPolicy: string;
    myRole?: string | null;
    myJoinRequest?: { status: string } | null;
    leadOrganization?: { name: string } | null;
  };
  myOrganizations: { id: string; name: string }[];
  onChanged: () => void;
}

/**
 * The way into a group for a role holder of its network, on the network's group list and on the
 * group page alike: join an OPEN group, or ask to take part in an APPROVAL group — saying before
 * and after sending that the group's lead decides.
 */
export function JoinGroup({ group, myOrganizations, onChanged }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [organizationId, setOrganizationId] = useState(myOrganizations[0]?.id ?? '');
  const [result, request] = useMutation(RequestGroup);
  const problem = apiProblem(result.error);
  const pending = group.myJoinRequest?.status === 'PENDING';
  const whoDecides = group.leadOrganization
    ? t('group.approvalHintLead', { name: group.name, city: group.leadOrganization.name })
    : t('group.approvalHintNamed', { name: group.name });
  const submit = async () => {
    const res = await request({ input: { groupId: group.id, message: message.trim() || null, organizationId: organizationId || null } });
    if (!res.error) {
      setOpen(false);
      onChanged();
    }
  };
  return (
    <>
      <div className="ik-actions">
        {group.myRole ? (
          <Badge kind="success">{t('group.youAre', { role: t(`roles.group.${group.myRole}`) })}</Badge>
        ) : pending ? (
          <>
            <Badge kind="info">{t('group.requestPending')}</Badge>
            <span className="kern-body kern-body--small">{whoDecides}</span>
          </>
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
          {group.joinPolicy === 'APPROVAL' && <Notice title={whoDecides} />}
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
    </>
  );
}
