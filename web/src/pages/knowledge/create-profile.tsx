import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { navigate } from 'wouter/use-browser-location';
import { Button, CheckboxField, Form, FormActions, SelectField, TextAreaField, TextField } from '../../components/form';
import { Section } from '../../components/page';
import { ErrorAlert } from '../../components/status';
import { graphql } from '../../gql';
import type { ProjectStatus, Visibility } from '../../gql/graphql';
import { apiProblem, isGeneral, messageFor } from '../../graphql/errors';

const Context = graphql(`
  query ProfileContext {
    me {
      id
      organizations {
        id
        name
      }
    }
    networks {
      id
      name
      myRole
    }
  }
`);

const Create = graphql(`
  mutation CreateProjectProfile($input: CreateProjectProfileInput!) {
    createProjectProfile(input: $input) {
      id
    }
  }
`);

export const PROFILE_STATUSES: ProjectStatus[] = ['IDEA', 'PLANNED', 'RUNNING', 'COMPLETED', 'STOPPED'];
export const VISIBILITIES: Visibility[] = ['NETWORK', 'HUB', 'PUBLIC'];

/** A new Steckbrief: what the project is, who did it, and who may read it. */
export function CreateProfile({ fields, onCreated }: { fields: { key: string; name: string }[]; onCreated: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [{ data }] = useQuery({ query: Context, pause: !open });
  const [form, setForm] = useState({
    title: '',
    summary: '',
    body: '',
    organizationId: '',
    networkId: '',
    status: 'RUNNING' as ProjectStatus,
    visibility: 'NETWORK' as Visibility,
  });
  const [keys, setKeys] = useState<string[]>([]);
  const [result, create] = useMutation(Create);
  const problem = apiProblem(result.error);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  if (!open) {
    return (
      <div className="ik-actions">
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {t('profiles.create')}
        </Button>
      </div>
    );
  }
  const organizations = data?.me.organizations ?? [];
  const networks = (data?.networks ?? []).filter((n) => n.myRole);
  const organizationId = form.organizationId || organizations[0]?.id || '';
  const networkId = form.networkId || networks[0]?.id || '';
  const submit = async () => {
    const res = await create({
      input: {
        title: form.title,
        summary: form.summary,
        body: form.body.trim() || null,
        organizationIds: organizationId ? [organizationId] : [],
        fieldOfActionKeys: keys,
        status: form.status,
        visibility: form.visibility,
        networkId: networkId || null,
      },
    });
    if (res.data) {
      onCreated();
      navigate(`/steckbriefe/${res.data.createProjectProfile.id}`);
    }
  };
  const fieldNames = ['title', 'summary', 'body', 'organizationIds', 'fieldOfActionKeys', 'networkId', 'visibility'];
  return (
    <Section title={t('profiles.create')} id="neuer-steckbrief">
      <Form onSubmit={submit}>
        <TextField label={t('profiles.fields.title')} value={form.title} onChange={set('title')} error={messageFor(problem, 'title')} required />
        <TextAreaField
          label={t('profiles.fields.summary')}
          hint={t('profiles.summaryHint')}
          rows={3}
          maxLength={500}
          value={form.summary}
          onChange={set('summary')}
          error={messageFor(problem, 'summary')}
        />
        <TextAreaField
          label={t('profiles.fields.body')}
          hint={t('profiles.bodyHint')}
          optional
          rows={8}
          value={form.body}
          onChange={set('body')}
          error={messageFor(problem, 'body')}
        />
        <SelectField
          label={t('profiles.fields.organization')}
          value={organizationId}
          onChange={set('organizationId')}
          options={organizations.map((o) => ({ value: o.id, label: o.name }))}
          error={messageFor(problem, 'organizationIds')}
        />
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('profiles.fields.fieldsOfAction')}</legend>
          {fields.map((f) => (
            <CheckboxField
              key={f.key}
              label={f.name}
              checked={keys.includes(f.key)}
              onChange={(e) => setKeys(e.target.checked ? [...keys, f.key] : keys.filter((k) => k !== f.key))}
            />
          ))}
        </fieldset>
        <SelectField
          label={t('profiles.status')}
          value={form.status}
          onChange={set('status')}
          options={PROFILE_STATUSES.map((s) => ({ value: s, label: t(`profiles.statuses.${s}`) }))}
        />
        <SelectField
          label={t('profiles.fields.visibility')}
          value={form.visibility}
          onChange={set('visibility')}
          options={VISIBILITIES.map((v) => ({ value: v, label: t(`profiles.visibilities.${v}`) }))}
          error={messageFor(problem, 'visibility')}
        />
        <SelectField
          label={t('profiles.fields.network')}
          value={networkId}
          onChange={set('networkId')}
          options={networks.map((n) => ({ value: n.id, label: n.name }))}
          error={messageFor(problem, 'networkId')}
        />
        {isGeneral(problem, fieldNames) && <ErrorAlert problem={problem} />}
        <FormActions submitLabel={t('profiles.createSubmit')} busy={result.fetching} onCancel={() => setOpen(false)} />
      </Form>
    </Section>
  );
}
