import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { Page, PanelTitle } from '../../components/page';
import { Badge, ErrorAlert, Loading } from '../../components/status';
import { graphql } from '../../gql';
import { formatDate } from '../../lib/format';
import { NotFoundPage } from '../not-found';
import { FieldsTab } from './fields-tab';
import { IdeasTab } from './ideas-tab';
import { ParticipantsTab } from './participants-tab';
import { StrategyTab } from './strategy-tab';
import { Documents } from '../../components/documents';

const WorkshopQuery = graphql(`
  query WorkshopPage($id: ID!) {
    workshop(id: $id) {
      id
      title
      date
      location
      status
      network {
        id
        slug
        name
      }
      facilitator {
        id
        name
      }
      municipalities {
        id
        name
      }
      participants {
        person {
          id
          displayName
        }
        organization {
          id
          name
        }
      }
      fieldsOfAction {
        id
        key
        name
        description
      }
      selections {
        priority
        organization {
          id
        }
        fieldOfAction {
          id
          key
        }
      }
      ideas {
        ...IdeaItem
      }
      dotsPerParticipant
      viewer {
        role
        dotsLeft
        organization {
          id
          name
        }
      }
    }
  }
`);

/** One Digital-Werkstatt: fields of action and their priorities, ideas with dot voting and steps, the strategy. */
export function WorkshopPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const [{ data, error, fetching }, refetch] = useQuery({ query: WorkshopQuery, variables: { id } });
  if (!data) return fetching ? <Loading /> : <ErrorAlert error={error} />;
  const w = data.workshop;
  if (!w || !w.viewer) return <NotFoundPage what={t('workshops.thisWorkshop')} />;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const facilitator = w.viewer.role === 'FACILITATOR';
  // Participants act for their municipality; facilitators for any of the workshop's.
  const actingFor = facilitator ? w.municipalities : w.viewer.organization ? [w.viewer.organization] : [];
  const mine = new Set(actingFor.map((o) => o.id));
  const rank = (key: string) => Math.min(99, ...w.selections.filter((s) => s.fieldOfAction.key === key && mine.has(s.organization.id)).map((s) => s.priority));
  return (
    <Page
      title={w.title}
      kicker={
        <>
          {t('workshops.kicker')}
          {w.network && (
            <>
              {' · '}
              <Link href={`/netzwerke/${w.network.slug}`} className="kern-link">
                {w.network.name}
              </Link>
            </>
          )}
        </>
      }
      actions={<Badge kind="info">{t(`workshops.role.${w.viewer.role}`)}</Badge>}
    >
      <p className="kern-body kern-body--large">
        {formatDate(w.date, true)}
        {w.location && ` · ${w.location}`}
      </p>
      <p className="kern-body">
        {t('workshops.municipalitiesAre', { names: w.municipalities.map((m) => m.name).join(', ') })}
        {w.facilitator && ` ${t('workshops.facilitatedBy', { name: w.facilitator.name })}`}
      </p>
      <Tabs className="ik-tabs" defaultSelectedKey="felder">
        <TabList aria-label={t('workshops.sections')}>
          <Tab id="felder">{t('workshops.tabs.fields')}</Tab>
          <Tab id="ideen">{t('workshops.tabs.ideas', { count: w.ideas.length })}</Tab>
          <Tab id="strategie">{t('workshops.tabs.strategy')}</Tab>
          <Tab id="teilnehmende">{t('workshops.tabs.participants', { count: w.participants.length })}</Tab>
        </TabList>
        <TabPanel id="felder">
          <PanelTitle>{t('workshops.tabs.fields')}</PanelTitle>
          <FieldsTab
            workshopId={w.id}
            fields={w.fieldsOfAction}
            selections={w.selections}
            municipalities={w.municipalities}
            actingFor={actingFor}
            onChanged={reload}
          />
        </TabPanel>
        <TabPanel id="ideen">
          <PanelTitle>{t('workshops.tabs.ideas', { count: w.ideas.length })}</PanelTitle>
          <IdeasTab
            workshopId={w.id}
            ideas={w.ideas}
            // The municipality's chosen fields first, by priority: ideas are collected for them.
            fields={[...w.fieldsOfAction].sort((a, b) => rank(a.key) - rank(b.key))}
            actingFor={actingFor}
            canVote={w.viewer.role === 'PARTICIPANT'}
            dotsLeft={w.viewer.dotsLeft ?? 0}
            dotsPerParticipant={w.dotsPerParticipant}
            facilitator={facilitator}
            onChanged={reload}
          />
        </TabPanel>
        <TabPanel id="strategie">
          <PanelTitle>{t('workshops.tabs.strategy')}</PanelTitle>
          <StrategyTab workshopId={w.id} municipalities={w.municipalities} workshopTitle={w.title} />
        </TabPanel>
        <TabPanel id="teilnehmende">
          <PanelTitle>{t('workshops.tabs.participants', { count: w.participants.length })}</PanelTitle>
          <ParticipantsTab
            workshopId={w.id}
            networkSlug={w.network?.slug ?? null}
            participants={w.participants}
            municipalities={w.municipalities}
            facilitator={facilitator}
            onChanged={reload}
          />
        </TabPanel>
      </Tabs>
      <Documents parentType="WORKSHOP" parentId={w.id} />
    </Page>
  );
}
