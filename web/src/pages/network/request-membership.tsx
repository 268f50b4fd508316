import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { SelectField, TextAreaField } from '../../components/form';
import { ErrorAlert, Notice } from '../../components/status';
import { graphql } from '../../gql';
import { apiProblem, isGeneral, messageFor } from '../../graphql/errors';

const Organizations = graphql(`
  query OrganizationsForJoin {
    organizations {
      id
      name
    }
  }
`);

const RequestNetwork = graphql(`
  mutation RequestNetworkMembership($input: RequestNetworkMembershipInput!) {
    requestNetworkMembership(input: $input) {
      id
      status
    }
  }
`);

/** For someone without a role: the public face and a request for their organization to join. */
export function RequestNetworkMembership({ network }: { network: { id: string; name: string; joinPolicy: string } }) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: Organizations });
  const [organizationId, setOrganizationId] = useState('');
  const [message, setMessage] = useState('');
  const [result, request] = useMutation(RequestNetwork);
  const problem = apiProblem(result.error);
  if (result.data) {
    return (
      <Notice kind="success" title={t(result.data.requestNetworkMembership.status === 'APPROVED' ? 'network.joined' : 'network.requested')}>
        <p className="kern-body">{t(result.data.requestNetworkMembership.status === 'APPROVED' ? 'network.joinedBody' : 'network.requestedBody')}</p>
      </Notice>
    );
  }
  const organizations = data?.organizations ?? [];
  return (
    <section className="ik-section" aria-labelledby="beitritt-titel">
      <h2 className="kern-heading-medium" id="beitritt-titel">
        {t('network.joinTitle')}
      </h2>
      <p className="kern-body">{t('network.outsider', { name: network.name })}</p>
      <form
        className="ik-form"
        onSubmit={(e) => {
          e.preventDefault();
          void request({ input: { networkId: network.id, organizationId, message: message.trim() || null } });
        }}
      >
        <SelectField
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
