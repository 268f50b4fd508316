import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Button, Form, FormActions, TextAreaField, TextField } from '../../components/form';
import { Page, Section } from '../../components/page';
import { Badge, ErrorAlert, Loading, Notice } from '../../components/status';
import { graphql } from '../../gql';
import { apiProblem, isGeneral, messageFor } from '../../graphql/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { DeleteProfile } from './delete-profile';
import { NotFoundPage } from '../not-found';
import { Documents } from '../../components/documents';

const Markdown = lazy(() => import('../meeting/markdown'));

const ProfileQuery = graphql(`
  query ProjectProfile($id: ID!) {
    projectProfile(id: $id) {
      id
      title
      summary
      body
      status
      visibility
      version
      startedOn
      costsNote
      fundingNote
      tags
      links
      updatedAt
      organizations {
        id
        name
      }
      fieldsOfAction {
        id
        name
      }
      contact {
        id
        displayName
      }
      network {
        id
        name
      }
      createdBy {
        id
      }
    }
    me {
      id
    }
  }
`);

const Update = graphql(`
  mutation UpdateProjectProfile($input: UpdateProjectProfileInput!) {
    updateProjectProfile(input: $input) {
      id
      version
    }
  }
`);

/** One Steckbrief; its authors edit it, and an edit made meanwhile by someone else is shown, never overwritten unseen. */
export function ProfilePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const [{ data, error, fetching }, refetch] = useQuery({ query: ProfileQuery, variables: { id } });
  const [editing, setEditing] = useState(false);
  if (!data) return fetching ? <Loading /> : <ErrorAlert error={error} />;
  const p = data.projectProfile;
  if (!p) return <NotFoundPage what={t('profiles.thisProfile')} />;
  return (
    <Page title={p.title} kicker={t('profiles.kicker')} actions={<Badge kind="info">{t(`profiles.statuses.${p.status}`)}</Badge>}>
      <p className="kern-body kern-body--large">{p.summary}</p>
      <dl className="kern-description-list">
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('profiles.fields.organizations')}</dt>
          <dd className="kern-description-list-item__value">{p.organizations.map((o) => o.name).join(', ')}</dd>
        </div>
        {p.fieldsOfAction.length > 0 && (
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">{t('profiles.fields.fieldsOfAction')}</dt>
            <dd className="kern-description-list-item__value">{p.fieldsOfAction.map((f) => f.name).join(', ')}</dd>
          </div>
        )}
        {p.startedOn && (
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">{t('profiles.fields.startedOn')}</dt>
            <dd className="kern-description-list-item__value">{formatDate(p.startedOn)}</dd>
          </div>
        )}
        {p.contact && (
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">{t('profiles.fields.contact')}</dt>
            <dd className="kern-description-list-item__value">{p.contact.displayName}</dd>
          </div>
        )}
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('profiles.fields.visibility')}</dt>
          <dd className="kern-description-list-item__value">
            {t(`profiles.visibilities.${p.visibility}`)}
            {p.network && ` (${p.network.name})`}
          </dd>
        </div>
      </dl>
      {p.body && (
        <Suspense fallback={<Loading />}>
          <Markdown text={p.body} />
        </Suspense>
      )}
      {p.links.length > 0 && (
        <ul className="ik-list">
          {p.links.map((l) => (
            <li key={l} className="ik-list__item">
              <a className="kern-link" href={l} target="_blank" rel="noopener noreferrer">
                {l}
              </a>
            </li>
          ))}
        </ul>
      )}
      <p className="kern-body kern-body--small">{t('profiles.updatedAt', { at: formatDateTime(p.updatedAt) })}</p>
      <Documents parentType="PROFILE" parentId={p.id} />
      {!editing ? (
        <div className="ik-actions">
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
          <DeleteProfile id={p.id} title={p.title} />
        </div>
      ) : (
        <EditProfile profile={p} onSaved={() => (setEditing(false), refetch({ requestPolicy: 'network-only' }))} onCancel={() => setEditing(false)} />
      )}
    </Page>
  );
}

interface Editable {
  id: string;
  title: string;
  summary: string;
  body: string | null;
  version: number;
}

function EditProfile({ profile, onSaved, onCancel }: { profile: Editable; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ title: profile.title, summary: profile.summary, body: profile.body ?? '' });
  const [version, setVersion] = useState(profile.version);
  const [theirs, setTheirs] = useState<Editable | null>(null);
  const [result, update] = useMutation(Update);
  const [current, reload] = useQuery({ query: ProfileQuery, variables: { id: profile.id }, pause: true, requestPolicy: 'network-only' });
  const problem = apiProblem(result.error);
  const latest = current.data?.projectProfile;
  useEffect(() => {
    if (latest && latest.version > version) {
      setTheirs({ id: latest.id, title: latest.title, summary: latest.summary, body: latest.body, version: latest.version });
      setVersion(latest.version);
    }
  }, [latest, version]);
  const save = async () => {
    const res = await update({ input: { id: profile.id, expectedVersion: version, title: form.title, summary: form.summary, body: form.body.trim() || null } });
    if (res.data) return onSaved();
    // Someone saved meanwhile: load their version beside this form; saving again overwrites it knowingly.
    if (apiProblem(res.error)?.code === 'CONFLICT') {
      setTheirs(null);
      reload();
    }
  };
  const changed = theirs ? (['title', 'summary', 'body'] as const).filter((k) => (theirs[k] ?? '') !== form[k]) : [];
  return (
    <Section title={t('profiles.edit')} id="bearbeiten">
      {theirs && (
        <div className="ik-conflict" role="alert">
          <h3 className="kern-heading-small">{t('profiles.conflictTitle')}</h3>
          <p className="kern-body">{t('profiles.conflictBody')}</p>
          {changed.map((k) => (
            <div key={k}>
              <h4 className="kern-label">{t(`profiles.fields.${k}`)}</h4>
              <pre className="ik-markdown ik-pre">{theirs[k]}</pre>
            </div>
          ))}
        </div>
      )}
      <Form onSubmit={save}>
        <TextField
          label={t('profiles.fields.title')}
          value={form.title}
          onChange={(e) => setForm({ ...form, title: e.target.value })}
          error={messageFor(problem, 'title')}
        />
        <TextAreaField
          label={t('profiles.fields.summary')}
          rows={3}
          value={form.summary}
          onChange={(e) => setForm({ ...form, summary: e.target.value })}
          error={messageFor(problem, 'summary')}
        />
        <TextAreaField
          label={t('profiles.fields.body')}
          rows={10}
          value={form.body}
          onChange={(e) => setForm({ ...form, body: e.target.value })}
          error={messageFor(problem, 'body')}
        />
        {problem?.code !== 'CONFLICT' && isGeneral(problem, ['title', 'summary', 'body']) && <ErrorAlert problem={problem} />}
        {theirs && <Notice kind="warning" title={t('profiles.conflictHint')} />}
        <FormActions submitLabel={theirs ? t('profiles.saveAnyway') : t('common.save')} busy={result.fetching} onCancel={onCancel} />
      </Form>
    </Section>
  );
}
