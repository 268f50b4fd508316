import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { SelectField, TextField } from '../../components/form';
import { Page } from '../../components/page';
import { Badge, ErrorAlert, Loading } from '../../components/status';
import { graphql } from '../../gql';
import type { ProjectStatus } from '../../gql/graphql';
import { parseSnippet } from '../../lib/snippet';
import { CreateProfile } from './create-profile';

const FieldsQuery = graphql(`
  query FieldsOfAction {
    fieldsOfAction {
      id
      key
      name
    }
  }
`);

const SearchQuery = graphql(`
  query SearchProfiles($query: String, $fields: [String!], $state: String, $status: ProjectStatus, $offset: Int) {
    searchProjectProfiles(query: $query, fieldOfActionKeys: $fields, federalState: $state, status: $status, limit: 20, offset: $offset) {
      total
      hits {
        rank
        snippet
        profile {
          id
          title
          summary
          status
          visibility
          organizations {
            id
            name
          }
          fieldsOfAction {
            id
            name
          }
        }
      }
    }
  }
`);

const STATUSES: ProjectStatus[] = ['IDEA', 'PLANNED', 'RUNNING', 'COMPLETED', 'STOPPED'];
const STATES = ['DE-BW', 'DE-BY', 'DE-BE', 'DE-BB', 'DE-HB', 'DE-HH', 'DE-HE', 'DE-MV', 'DE-NI', 'DE-NW', 'DE-RP', 'DE-SL', 'DE-SN', 'DE-ST', 'DE-SH', 'DE-TH'];

/** Steckbriefe: what other municipalities did, found with German full-text search. */
export function ProfilesPage() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [field, setField] = useState('');
  const [state, setState] = useState('');
  const [status, setStatus] = useState('');
  const [offset, setOffset] = useState(0);
  // Search as one types, a moment after the last key.
  useEffect(() => {
    const handle = setTimeout(() => {
      setQuery(text.trim());
      setOffset(0);
    }, 300);
    return () => clearTimeout(handle);
  }, [text]);
  const [fields] = useQuery({ query: FieldsQuery });
  const [{ data, error, fetching }, refetch] = useQuery({
    query: SearchQuery,
    variables: { query: query || null, fields: field ? [field] : null, state: state || null, status: (status || null) as ProjectStatus | null, offset },
  });
  const result = data?.searchProjectProfiles;
  return (
    <Page title={t('profiles.title')}>
      <p className="kern-body">{t('profiles.intro')}</p>
      <form className="ik-form ik-form--inline" role="search" onSubmit={(e) => e.preventDefault()}>
        <TextField label={t('profiles.search')} type="search" value={text} onChange={(e) => setText(e.target.value)} hint={t('profiles.searchHint')} />
        <SelectField
          label={t('profiles.field')}
          value={field}
          onChange={(e) => setField(e.target.value)}
          options={[{ value: '', label: t('profiles.all') }, ...(fields.data?.fieldsOfAction ?? []).map((f) => ({ value: f.key, label: f.name }))]}
        />
        <SelectField
          label={t('profiles.state')}
          value={state}
          onChange={(e) => setState(e.target.value)}
          options={[{ value: '', label: t('profiles.all') }, ...STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))]}
        />
        <SelectField
          label={t('profiles.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={[{ value: '', label: t('profiles.all') }, ...STATUSES.map((s) => ({ value: s, label: t(`profiles.statuses.${s}`) }))]}
        />
      </form>
      <ErrorAlert error={error} />
      {!result && fetching && <Loading />}
      {result && (
        <>
          <p className="kern-body" aria-live="polite" data-testid="profile-total">
            {t('profiles.total', { count: result.total })}
          </p>
          <ul className="ik-list">
            {result.hits.map(({ profile, snippet }) => (
              <li key={profile.id} className="ik-list__item ik-list__item--stack">
                <div>
                  <Link href={`/steckbriefe/${profile.id}`} className="kern-link ik-meeting__title">
                    {profile.title}
                  </Link>{' '}
                  <Badge kind="info">{t(`profiles.statuses.${profile.status}`)}</Badge>
                  <div className="kern-body kern-body--small">
                    {profile.organizations.map((o) => o.name).join(', ')}
                    {profile.fieldsOfAction.length > 0 && ` · ${profile.fieldsOfAction.map((f) => f.name).join(', ')}`}
                  </div>
                  <p className="kern-body">
                    {snippet ? parseSnippet(snippet).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>)) : profile.summary}
                  </p>
                </div>
              </li>
            ))}
          </ul>
          {result.total > 20 && (
            <nav className="ik-actions" aria-label={t('profiles.pages')}>
              <button type="button" className="kern-btn kern-btn--secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - 20))}>
                <span className="kern-label">{t('profiles.previous')}</span>
              </button>
              <button type="button" className="kern-btn kern-btn--secondary" disabled={offset + 20 >= result.total} onClick={() => setOffset(offset + 20)}>
                <span className="kern-label">{t('profiles.next')}</span>
              </button>
            </nav>
          )}
        </>
      )}
      <CreateProfile fields={fields.data?.fieldsOfAction ?? []} onCreated={() => refetch({ requestPolicy: 'network-only' })} />
    </Page>
  );
}
