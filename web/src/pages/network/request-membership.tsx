import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { SelectField, TextAreaField } from '../../components/form';
import { ErrorAlert, Notice } from '../../components/status';
import { graphql } from '../../gql';
import { apiProblem, isGeneral, messageFor } from '../../graphql/errors';

const RequestNetwork = graphql(`
  mutation RequestNetworkMembership($input: RequestNetworkMembershipInput!) {
    requestNetworkMembership(input: $input) {
      id
      status
    }
  }
`);

interface Props {
  network: { id: string; name: string; joinPolicy: string };
  /** Their own organizations and those not yet members (Network.joinableOrganizations): never another member. */
  organizations: { id: string; name: string }[];
  /** The group a newcomer chose in the overview: it goes into the message, and the form takes the focus. */
  wish?: { group: string; at: number } | null;
}

/** For someone without a role: a request for their organization to join (and which group they want to work in). */
export function RequestNetworkMembership({ network, organizations, wish }: Props) {
  const { t } = useTranslation();
  const [organizationId, setOrganizationId] = useState(organizations.length === 1 ? organizations[0]!.id : '');
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (!wish) return;
    setMessage(t('network.wishMessage', { group: wish.group }));
    document.getElementById('beitritt-organisation')?.focus();
  }, [wish, t]);
  const [result, request] = useMutation(RequestNetwork);
  const problem = apiProblem(result.error);
  if (result.data) {
    return (
      <Notice kind="success" title={t(result.data.requestNetworkMembership.status === 'APPROVED' ? 'network.joined' : 'network.requested')}>
        <p className="kern-body">{t(result.data.requestNetworkMembership.status === 'APPROVED' ? 'network.joinedBody' : 'network.requestedBody')}</p>
      </Notice>
    );
  }
  return (
    <section className="ik-section" aria-labelledby="beitritt-titel">
      <h2 className="kern-heading-medium" id="beitritt-titel">
        {t('network.joinTitle')}
      </h2>
      <p className="kern-body">{t('network.outsider', { name: network.name })}</p>
      <p className="kern-body kern-body--small">{t('network.whoDecides', { name: network.name })}</p>
      <form
        className="ik-form"
        onSubmit={(e) => {
          e.preventDefault();
          void request({ input: { networkId: network.id, organizationId, message: message.trim() || null } });
        }}
      >
        <SelectField
          id="beitritt-organisation"
          label={t('network.yourOrganization')}
          value={organizationId}
          onChange={(e) => setOrganizationId(e.target.value)}
          options={[{ value: '', label: t('network.chooseOrganization') }, ...organizations.map((o) => ({ value: o.id, label: o.name }))]}
          error={messageFor(problem, 'organizationId')}
          required
        />
        <TextAreaField
          label={t('network.message')}
          optional
          rows={3}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          error={messageFor(problem, 'message')}
        />
        {isGeneral(problem, ['organizationId', 'message']) && <ErrorAlert problem={problem} />}
        <div className="ik-actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={result.fetching}>
            <span className="kern-label">{t('network.sendRequest')}</span>
          </button>
        </div>
      </form>
    </section>
  );
}
