import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Button, Form, FormActions, SelectField, TextField } from '../../components/form';
import { ErrorAlert, Notice } from '../../components/status';
import { graphql } from '../../gql';
import type { OrganizationKind } from '../../gql/graphql';
import { apiProblem, isGeneral, messageFor } from '../../graphql/errors';
import de from '../../i18n/de.json';

const Organizations = graphql(`
  query AllOrganizations {
    organizations {
      id
      name
      kind
    }
    me {
      id
      hubAdmin
    }
  }
`);

const AddMember = graphql(`
  mutation AddNetworkMember($input: AddNetworkMemberInput!) {
    addNetworkMember(input: $input) {
      status
    }
  }
`);

export const RemoveMember = graphql(`
  mutation RemoveNetworkMember($input: RemoveNetworkMemberInput!) {
    removeNetworkMember(input: $input) {
      status
    }
  }
`);

const CreateOrganization = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      id
      name
    }
  }
`);

const KINDS: OrganizationKind[] = ['MUNICIPALITY', 'MUNICIPAL_ASSOCIATION', 'DISTRICT', 'MUNICIPAL_UTILITY', 'AGENCY', 'OTHER'];
const STATES = Object.keys(de.states);

/**
 * For network ADMINs: take a city, a district or a municipal utility into the network (one that
 * already exists in the hub; hub admins can create it first).
 */
export function AddMemberOrganization({ networkId, memberIds, onChanged }: { networkId: string; memberIds: Set<string>; onChanged: () => void }) {
  const { t } = useTranslation();
  const [{ data }, refetch] = useQuery({ query: Organizations });
  const [organizationId, setOrganizationId] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const [result, add] = useMutation(AddMember);
  const problem = apiProblem(result.error);
  if (!data) return null;
  const candidates = data.organizations.filter((o) => !memberIds.has(o.id));
  const chosen = candidates.find((o) => o.id === organizationId) ?? candidates[0];
  return (
    <>
      <Form
        onSubmit={() => {
          if (!chosen) return;
          void add({ input: { networkId, organizationId: chosen.id } }).then((r) => {
            if (!r.error) {
              setAdded(chosen.name);
              setOrganizationId('');
              onChanged();
            }
          });
        }}
      >
        <h3 className="kern-heading-small">{t('memberOrgs.add')}</h3>
        {candidates.length === 0 ? (
          <p className="kern-body">{t('memberOrgs.noCandidates')}</p>
        ) : (
          <>
            <SelectField
              label={t('network.organization')}
              value={chosen?.id ?? ''}
              onChange={(e) => setOrganizationId(e.target.value)}
              // Grouped by kind: "Stadt Kaiserslautern (Stadt oder Gemeinde)" in one option was cut off on a phone.
              options={[]}
              groups={KINDS.map((k) => ({
                label: t(`organization.kind.${k}`),
                options: candidates.filter((o) => o.kind === k).map((o) => ({ value: o.id, label: o.name })),
              })).filter((g) => g.options.length > 0)}
              error={messageFor(problem, 'organizationId')}
            />
            {isGeneral(problem, ['organizationId']) && <ErrorAlert problem={problem} />}
            <div className="ik-actions">
              <button type="submit" className="kern-btn kern-btn--secondary" disabled={result.fetching}>
                <span className="kern-label">{t('memberOrgs.addSubmit')}</span>
              </button>
            </div>
          </>
        )}
        {added && <Notice kind="success" title={t('memberOrgs.added', { name: added })} />}
      </Form>
      {data.me.hubAdmin && (
        <NewOrganization
          onCreated={(id) => {
            refetch({ requestPolicy: 'network-only' });
            setOrganizationId(id);
          }}
        />
      )}
    </>
  );
}

/** Hub admins: an organization the hub does not know yet. */
function NewOrganization({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganizationKind>('MUNICIPALITY');
  const [federalState, setFederalState] = useState('');
  const [municipalityKey, setMunicipalityKey] = useState('');
  const [website, setWebsite] = useState('');
  const [result, create] = useMutation(CreateOrganization);
  const problem = apiProblem(result.error);
  if (!open) {
    return (
      <Button variant="tertiary" onClick={() => setOpen(true)}>
        {t('memberOrgs.newOrganization')}
      </Button>
    );
  }
  const fields = ['name', 'kind', 'federalState', 'municipalityKey', 'website'];
  return (
    <Form
      onSubmit={() => {
        void create({
          input: { name, kind, federalState: federalState || null, municipalityKey: municipalityKey.trim() || null, website: website.trim() || null },
        }).then((r) => {
          if (r.data) {
            setOpen(false);
            setName('');
            onCreated(r.data.createOrganization.id);
          }
        });
      }}
    >
      <h3 className="kern-heading-small">{t('memberOrgs.newOrganization')}</h3>
      <TextField label={t('memberOrgs.name')} value={name} onChange={(e) => setName(e.target.value)} error={messageFor(problem, 'name')} required />
      <SelectField
        label={t('network.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as OrganizationKind)}
        options={KINDS.map((k) => ({ value: k, label: t(`organization.kind.${k}`) }))}
        error={messageFor(problem, 'kind')}
      />
      <SelectField
        label={t('network.state')}
        optional
        value={federalState}
        onChange={(e) => setFederalState(e.target.value)}
        options={[{ value: '', label: '–' }, ...STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))]}
        error={messageFor(problem, 'federalState')}
      />
      <TextField
        label={t('memberOrgs.municipalityKey')}
        hint={t('memberOrgs.municipalityKeyHint')}
        optional
        inputMode="numeric"
        value={municipalityKey}
        onChange={(e) => setMunicipalityKey(e.target.value)}
        error={messageFor(problem, 'municipalityKey')}
      />
      <TextField
        label={t('memberOrgs.website')}
        optional
        type="url"
        value={website}
        onChange={(e) => setWebsite(e.target.value)}
        error={messageFor(problem, 'website')}
      />
      {isGeneral(problem, fields) && <ErrorAlert problem={problem} />}
      <FormActions submitLabel={t('memberOrgs.createSubmit')} busy={result.fetching} onCancel={() => setOpen(false)} />
    </Form>
  );
}
