import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Button, SelectField } from '../../components/form';
import { ErrorAlert } from '../../components/status';
import { Cell, Row, Table } from '../../components/table';
import { graphql } from '../../gql';

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

interface Props {
  workshopId: string;
  networkSlug: string | null;
  participants: { person: { id: string; displayName: string }; organization: { id: string; name: string } }[];
  municipalities: { id: string; name: string }[];
  facilitator: boolean;
  onChanged: () => void;
}

/** Who takes part, for which municipality (at most 30); facilitators add people of the network. */
export function ParticipantsTab({ workshopId, networkSlug, participants, municipalities, facilitator, onChanged }: Props) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: People, variables: { slug: networkSlug ?? '' }, pause: !facilitator || !networkSlug });
  const [personId, setPersonId] = useState('');
  const [organizationId, setOrganizationId] = useState(municipalities[0]?.id ?? '');
  const [result, add] = useMutation(Add);
  const taken = new Set(participants.map((p) => p.person.id));
  const candidates = (data?.network?.people ?? []).filter((p) => !taken.has(p.person.id));
  return (
    <>
      <p className="kern-body">{t('workshops.participantsCount', { count: participants.length })}</p>
      {participants.length > 0 && (
        <Table caption={t('workshops.tabs.participants', { count: participants.length })} headers={[t('members.person'), t('workshops.municipality')]}>
          {participants.map((p) => (
            <Row key={p.person.id}>
              <Cell>{p.person.displayName}</Cell>
              <Cell>{p.organization.name}</Cell>
            </Row>
          ))}
        </Table>
      )}
      {facilitator && candidates.length > 0 && (
        <form
          className="ik-form ik-form--inline"
          onSubmit={(e) => {
            e.preventDefault();
            const chosen = personId || candidates[0]!.person.id;
            void add({ input: { workshopId, personId: chosen, organizationId } }).then((r) => {
              if (r.error) return;
              setPersonId('');
              onChanged();
            });
          }}
        >
          <SelectField
            label={t('members.person')}
            value={personId || candidates[0]!.person.id}
            onChange={(e) => setPersonId(e.target.value)}
            options={candidates.map((p) => ({ value: p.person.id, label: p.person.displayName }))}
          />
          <SelectField
            label={t('workshops.municipality')}
            value={organizationId}
            onChange={(e) => setOrganizationId(e.target.value)}
            options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
          />
          <Button type="submit">{t('workshops.addParticipant')}</Button>
        </form>
      )}
      <ErrorAlert error={result.error} />
    </>
  );
}
