import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { navigate } from 'wouter/use-browser-location';
import { Button, Form, FormActions, SelectField, TextAreaField, TextField } from '../components/form';
import { ErrorAlert } from '../components/status';
import { graphql } from '../gql';
import type { JoinPolicy } from '../gql/graphql';
import { apiProblem, isGeneral, messageFor } from '../graphql/errors';

const Create = graphql(`
  mutation CreateNetwork($input: CreateNetworkInput!) {
    createNetwork(input: $input) {
      id
      slug
    }
  }
`);

/** "Interkommunales Netzwerk Digitale Stadt" → "interkommunales-netzwerk-digitale-stadt". */
export function slugFor(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
}

/** Hub admins: a new network; the caller becomes its ADMIN and is taken there. */
export function CreateNetwork() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [slug, setSlug] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [joinPolicy, setJoinPolicy] = useState<JoinPolicy>('APPROVAL');
  const [result, create] = useMutation(Create);
  const problem = apiProblem(result.error);
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('createNetwork.open')}
      </Button>
    );
  }
  const effectiveSlug = slug ?? slugFor(name);
  return (
    <Form
      onSubmit={() => {
        void create({ input: { name, slug: effectiveSlug, description: description.trim() || null, joinPolicy } }).then((r) => {
          if (r.data) navigate(`/netzwerke/${r.data.createNetwork.slug}`);
        });
      }}
    >
      <h2 className="kern-heading-medium">{t('createNetwork.open')}</h2>
      <TextField label={t('createNetwork.name')} value={name} onChange={(e) => setName(e.target.value)} error={messageFor(problem, 'name')} required />
      <TextField
        label={t('createNetwork.slug')}
        hint={t('createNetwork.slugHint')}
        value={effectiveSlug}
        onChange={(e) => setSlug(e.target.value)}
        error={messageFor(problem, 'slug')}
        required
      />
      <TextAreaField
        label={t('createNetwork.description')}
        optional
        rows={3}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={messageFor(problem, 'description')}
      />
      <SelectField
        label={t('network.joinPolicy')}
        value={joinPolicy}
        onChange={(e) => setJoinPolicy(e.target.value as JoinPolicy)}
        options={(['APPROVAL', 'OPEN', 'INVITE_ONLY'] as const).map((p) => ({ value: p, label: t(`network.policy.${p}`) }))}
        error={messageFor(problem, 'joinPolicy')}
      />
      {isGeneral(problem, ['name', 'slug', 'description', 'joinPolicy']) && <ErrorAlert problem={problem} />}
      <FormActions submitLabel={t('createNetwork.submit')} busy={result.fetching} onCancel={() => setOpen(false)} />
    </Form>
  );
}
