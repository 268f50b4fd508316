import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Button, ConfirmButton, SelectField } from '../../components/form';
import { ErrorAlert } from '../../components/status';
import { Cell, Row, Table } from '../../components/table';
import { graphql } from '../../gql';
import { apiProblem, isGeneral, messageFor } from '../../graphql/errors';

const People = graphql(`
  query WorkshopCandidates($slug: String!) {
    network(slug: $slug) {
      id
      people {
        person {
          id
          displayName
        }
        organization {
          id
        }
      }
    }
  }
`);

const Add = graphql(`
  mutation AddWorkshopParticipant($input: AddWorkshopParticipantInput!) {
    addWorkshopParticipant(input: $input) {
      person {
        id
      }
    }
  }
`);

const Remove = graphql(`
  mutation RemoveWorkshopParticipant($input: RemoveWorkshopParticipantInput!) {
    removeWorkshopParticipant(input: $input)
  }
`);

interface Props {
  workshopId: string;
  networkSlug: string | null;
  participants: { person: { id: string; displayName: string }; organization: { id: string; name: string } }[];
  municipalities: { id: string; name: string }[];
  facilitator: boolean;
  onChanged: () => void;
}

/**
 * Who takes part, for which municipality (at most 30). Facilitators add people of the network — the
 * form preselects nobody, so no one is added by an accidental Enter — and remove someone again.
 */
export function ParticipantsTab({ workshopId, networkSlug, participants, municipalities, facilitator, onChanged }: Props) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: People, variables: { slug: networkSlug ?? '' }, pause: !facilitator || !networkSlug });
  const [personId, setPersonId] = useState('');
  const [organizationId, setOrganizationId] = useState(municipalities.length === 1 ? municipalities[0]!.id : '');
  const [missing, setMissing] = useState<{ person: boolean; organization: boolean }>({ person: false, organization: false });
  const [result, add] = useMutation(Add);
  const [removed, remove] = useMutation(Remove);
  const taken = new Set(participants.map((p) => p.person.id));
  const candidates = (data?.network?.people ?? []).filter((p) => !taken.has(p.person.id));
  const problem = apiProblem(result.error);
  const submit = () => {
    const lacking = { person: !personId, organization: !organizationId };
    setMissing(lacking);
    if (lacking.person || lacking.organization) return;
    void add({ input: { workshopId, personId, organizationId } }).then((r) => {
      if (r.error) return;
      setPersonId('');
      onChanged();
    });
  };
  return (
    <>
      <p className="kern-body">{t('workshops.participantsCount', { count: participants.length })}</p>
      <ErrorAlert error={removed.error} />
      {participants.length > 0 && (
        <Table
          caption={t('workshops.tabs.participants', { count: participants.length })}
          headers={[t('members.person'), t('workshops.municipality'), ...(facilitator ? [t('workshops.actions')] : [])]}
        >
          {participants.map((p) => (
            <Row key={p.person.id}>
              <Cell>{p.person.displayName}</Cell>
              <Cell>{p.organization.name}</Cell>
              {facilitator && (
                <Cell>
                  <ConfirmButton
                    label={t('workshops.remove')}
                    ariaLabel={t('workshops.removeLabel', { name: p.person.displayName })}
                    confirmLabel={t('workshops.removeConfirm', { name: p.person.displayName })}
                    onConfirm={() => remove({ input: { workshopId, personId: p.person.id } }).then((r) => !r.error && onChanged())}
                  />
                </Cell>
              )}
            </Row>
          ))}
        </Table>
      )}
      {facilitator && candidates.length > 0 && (
        <form
          className="ik-form ik-form--inline"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <SelectField
            label={t('members.person')}
            value={personId}
            onChange={(e) => setPersonId(e.target.value)}
            options={[{ value: '', label: t('workshops.choosePerson') }, ...candidates.map((p) => ({ value: p.person.id, label: p.person.displayName }))]}
            error={missing.person && !personId ? t('workshops.choosePersonError') : messageFor(problem, 'personId')}
          />
          <SelectField
            label={t('workshops.municipality')}
            value={organizationId}
            onChange={(e) => setOrganizationId(e.target.value)}
            options={[{ value: '', label: t('workshops.chooseMunicipality') }, ...municipalities.map((m) => ({ value: m.id, label: m.name }))]}
            error={missing.organization && !organizationId ? t('workshops.chooseMunicipalityError') : messageFor(problem, 'organizationId')}
          />
          <Button type="submit">{t('workshops.addParticipant')}</Button>
        </form>
      )}
      {isGeneral(problem, ['personId', 'organizationId']) && <ErrorAlert problem={problem} />}
    </>
  );
}
