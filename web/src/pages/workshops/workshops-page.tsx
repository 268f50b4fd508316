import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { navigate } from 'wouter/use-browser-location';
import { DateField } from '../../components/date-field';
import { CheckboxField, Form, FormActions, SelectField, TextField } from '../../components/form';
import { Page, Section } from '../../components/page';
import { Badge, ErrorAlert, Loading } from '../../components/status';
import { graphql } from '../../gql';
import { apiProblem, isGeneral, messageFor } from '../../graphql/errors';
import { formatDate } from '../../lib/format';

const WorkshopsQuery = graphql(`
  query MyWorkshops {
    myWorkshops {
      id
      title
      date
      location
      status
      municipalities {
        id
        name
      }
    }
    networks {
      id
      name
      myRole
      members {
        status
        organization {
          id
          name
          kind
        }
      }
    }
  }
`);

const Create = graphql(`
  mutation CreateWorkshop($input: CreateWorkshopInput!) {
    createWorkshop(input: $input) {
      id
    }
  }
`);

/** Digital-Werkstatt: one-day workshops in which up to three municipalities draft a first digital strategy. */
export function WorkshopsPage() {
  const { t } = useTranslation();
  const [{ data, error, fetching }] = useQuery({ query: WorkshopsQuery });
  if (!data) return fetching ? <Loading /> : <ErrorAlert error={error} />;
  const facilitated = data.networks.filter((n) => n.myRole === 'ADMIN' || n.myRole === 'MODERATOR');
  return (
    <Page title={t('workshops.title')}>
      <p className="kern-body">{t('workshops.intro')}</p>
      {data.myWorkshops.length === 0 && <p className="kern-body">{t('workshops.none')}</p>}
      <ul className="ik-list">
        {data.myWorkshops.map((w) => (
          <li key={w.id} className="ik-list__item">
            <div>
              <Link href={`/werkstatt/${w.id}`} className="kern-link ik-meeting__title">
                {w.title}
              </Link>
              <div className="kern-body kern-body--small">
                {formatDate(w.date, true)}
                {w.location && ` · ${w.location}`} · {w.municipalities.map((m) => m.name).join(', ')}
              </div>
            </div>
            <Badge kind={w.status === 'COMPLETED' ? 'success' : 'info'}>{t(`workshops.status.${w.status}`)}</Badge>
          </li>
        ))}
      </ul>
      {facilitated.length > 0 && <CreateWorkshop networks={facilitated} />}
    </Page>
  );
}

interface NetworkForWorkshop {
  id: string;
  name: string;
  members: { status: string; organization: { id: string; name: string; kind: string } }[];
}

function CreateWorkshop({ networks }: { networks: NetworkForWorkshop[] }) {
  const { t } = useTranslation();
  const [networkId, setNetworkId] = useState(networks[0]!.id);
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [location, setLocation] = useState('');
  const [municipalities, setMunicipalities] = useState<string[]>([]);
  const [dots, setDots] = useState('3');
  const [result, create] = useMutation(Create);
  const problem = apiProblem(result.error);
  const network = networks.find((n) => n.id === networkId)!;
  const candidates = network.members.filter((m) => m.status === 'ACTIVE' && m.organization.kind !== 'AGENCY').map((m) => m.organization);
  const submit = async () => {
    const res = await create({ input: { networkId, title, date, location: location.trim() || null, municipalityIds: municipalities, dotsPerParticipant: Number(dots) || null } });
    if (res.data) navigate(`/werkstatt/${res.data.createWorkshop.id}`);
  };
  return (
    <Section title={t('workshops.create')} id="neue-werkstatt">
      <Form onSubmit={submit}>
        {networks.length > 1 && (
          <SelectField
            label={t('profiles.fields.network')}
            value={networkId}
            onChange={(e) => setNetworkId(e.target.value)}
            options={networks.map((n) => ({ value: n.id, label: n.name }))}
          />
        )}
        <TextField label={t('workshops.fields.title')} value={title} onChange={(e) => setTitle(e.target.value)} error={messageFor(problem, 'title')} />
        <DateField label={t('workshops.fields.date')} value={date} onChange={setDate} error={messageFor(problem, 'date')} />
        <TextField
          label={t('workshops.fields.location')}
          optional
          value={location}
          onChange={(e) => setLocation(e.target.value)}
          error={messageFor(problem, 'location')}
        />
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('workshops.fields.municipalities')}</legend>
          {candidates.map((o) => (
            <CheckboxField
              key={o.id}
              label={o.name}
              checked={municipalities.includes(o.id)}
              onChange={(e) => setMunicipalities(e.target.checked ? [...municipalities, o.id] : municipalities.filter((x) => x !== o.id))}
            />
          ))}
          {messageFor(problem, 'municipalityIds') && (
            <p className="kern-error" role="alert">
              <span className="kern-body">{messageFor(problem, 'municipalityIds')}</span>
            </p>
          )}
        </fieldset>
        <TextField
          label={t('workshops.dots')}
          hint={t('workshops.dotsHint')}
          type="number"
          inputMode="numeric"
          min={1}
          max={10}
          value={dots}
          onChange={(e) => setDots(e.target.value)}
          error={messageFor(problem, 'dotsPerParticipant')}
        />
        {isGeneral(problem, ['title', 'date', 'location', 'municipalityIds', 'dotsPerParticipant']) && <ErrorAlert problem={problem} />}
        <FormActions submitLabel={t('workshops.createSubmit')} busy={result.fetching} />
      </Form>
    </Section>
  );
}
