import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Link } from 'wouter';
import { DateField } from '../../components/date-field';
import { Button, Form, FormActions, SelectField, TextAreaField, TextField } from '../../components/form';
import { Badge, ErrorAlert } from '../../components/status';
import { graphql } from '../../gql';
import type { IdeaItemFragment } from '../../gql/graphql';
import { apiProblem, isGeneral, messageFor } from '../../graphql/errors';
import { formatDate } from '../../lib/format';

export const IdeaItem = graphql(`
  fragment IdeaItem on WorkshopIdea {
    id
    title
    description
    votes
    myVote
    organization {
      id
      name
    }
    fieldOfAction {
      id
      key
      name
    }
    steps {
      id
      title
      responsible
      dueOn
    }
    projectGroup {
      id
      name
    }
    projectProfile {
      id
      title
    }
  }
`);

const AddIdea = graphql(`
  mutation AddWorkshopIdea($input: AddWorkshopIdeaInput!) {
    addWorkshopIdea(input: $input) {
      id
    }
  }
`);

const Vote = graphql(`
  mutation VoteWorkshopIdea($ideaId: ID!, $vote: Boolean!) {
    voteWorkshopIdea(ideaId: $ideaId, vote: $vote) {
      id
      votes
      myVote
    }
  }
`);

const AddStep = graphql(`
  mutation AddIdeaStep($input: AddIdeaStepInput!) {
    addIdeaStep(input: $input) {
      id
    }
  }
`);

const Promote = graphql(`
  mutation PromoteWorkshopIdea($input: PromoteWorkshopIdeaInput!) {
    promoteWorkshopIdea(input: $input) {
      id
    }
  }
`);

interface Props {
  workshopId: string;
  ideas: IdeaItemFragment[];
  fields: { key: string; name: string }[];
  actingFor: { id: string; name: string }[];
  canVote: boolean;
  /** A participant's dots not given yet, and how many each has in this workshop. */
  dotsLeft: number;
  dotsPerParticipant: number;
  facilitator: boolean;
  onChanged: () => void;
}

/**
 * Ideas per field of action, by votes: each participant spreads the workshop's dots (default 3), at
 * most one per idea; steps per idea, planned by the idea's own municipality (or the facilitators);
 * facilitators turn an idea into a project.
 */
export function IdeasTab({ workshopId, ideas, fields, actingFor, canVote, dotsLeft, dotsPerParticipant, facilitator, onChanged }: Props) {
  const { t } = useTranslation();
  const [voted, vote] = useMutation(Vote);
  const [promoted, promote] = useMutation(Promote);
  const left = dotsLeft;
  const ownMunicipalities = new Set(actingFor.map((o) => o.id));
  return (
    <>
      {canVote && (
        <p className="kern-body" aria-live="polite">
          {t('workshops.votesLeft', { count: left, total: dotsPerParticipant })}
        </p>
      )}
      <ErrorAlert error={voted.error ?? promoted.error} />
      {ideas.length === 0 && <p className="kern-body">{t('workshops.noIdeas')}</p>}
      <ol className="ik-list">
        {ideas.map((idea) => (
          <li key={idea.id} className="ik-list__item ik-list__item--stack" data-testid="idea">
            <div className="ik-section__header">
              <div>
                <strong>{idea.title}</strong> <Badge kind="info">{t('workshops.votes', { count: idea.votes })}</Badge>
                <div className="kern-body kern-body--small">
                  {idea.organization.name} · {idea.fieldOfAction.name}
                </div>
                {idea.description && <p className="kern-body">{idea.description}</p>}
              </div>
              {canVote && (
                <Button
                  variant={idea.myVote ? 'secondary' : 'primary'}
                  disabled={!idea.myVote && left <= 0}
                  aria-pressed={idea.myVote}
                  aria-label={idea.myVote ? t('workshops.unvoteLabel', { title: idea.title }) : t('workshops.voteLabel', { title: idea.title })}
                  onClick={() => void vote({ ideaId: idea.id, vote: !idea.myVote }).then((r) => !r.error && onChanged())}
                >
                  {idea.myVote ? t('workshops.unvote') : t('workshops.vote')}
                </Button>
              )}
            </div>
            {idea.steps.length > 0 && (
              <ul className="ik-steps">
                {idea.steps.map((s) => (
                  <li key={s.id} className="kern-body kern-body--small">
                    {s.title}
                    {s.responsible && ` – ${s.responsible}`}
                    {s.dueOn && ` (${t('overview.due', { date: formatDate(s.dueOn) })})`}
                  </li>
                ))}
              </ul>
            )}
            {(idea.projectGroup || idea.projectProfile) && (
              <p className="kern-body kern-body--small">
                {idea.projectGroup && (
                  <Link href={`/gruppen/${idea.projectGroup.id}`} className="kern-link">
                    {t('workshops.toGroup', { name: idea.projectGroup.name })}
                  </Link>
                )}{' '}
                {idea.projectProfile && (
                  <Link href={`/steckbriefe/${idea.projectProfile.id}`} className="kern-link">
                    {t('workshops.toProfile')}
                  </Link>
                )}
              </p>
            )}
            {(facilitator || ownMunicipalities.has(idea.organization.id)) && <AddStepForm ideaId={idea.id} title={idea.title} onAdded={onChanged} />}
            {facilitator && !idea.projectGroup && (
              <div className="ik-actions">
                <Button
                  variant="secondary"
                  aria-label={t('workshops.promoteLabel', { title: idea.title })}
                  onClick={() =>
                    void promote({ input: { ideaId: idea.id, toProjectGroup: true, toProjectProfile: true } }).then((r) => !r.error && onChanged())
                  }
                >
                  {t('workshops.promote')}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {actingFor.length > 0 && <AddIdeaForm workshopId={workshopId} fields={fields} actingFor={actingFor} onAdded={onChanged} />}
    </>
  );
}

function AddIdeaForm({
  workshopId,
  fields,
  actingFor,
  onAdded,
}: {
  workshopId: string;
  fields: { key: string; name: string }[];
  actingFor: { id: string; name: string }[];
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const [organizationId, setOrganizationId] = useState(actingFor[0]!.id);
  const [key, setKey] = useState(fields[0]?.key ?? '');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [result, add] = useMutation(AddIdea);
  const problem = apiProblem(result.error);
  return (
    <Form
      onSubmit={() =>
        add({ input: { workshopId, organizationId, fieldOfActionKey: key, title, description: description.trim() || null } }).then((r) => {
          if (r.error) return;
          setTitle('');
          setDescription('');
          onAdded();
        })
      }
    >
      <h3 className="kern-heading-small">{t('workshops.addIdea')}</h3>
      {actingFor.length > 1 && (
        <SelectField
          label={t('workshops.municipality')}
          value={organizationId}
          onChange={(e) => setOrganizationId(e.target.value)}
          options={actingFor.map((o) => ({ value: o.id, label: o.name }))}
        />
      )}
      <SelectField
        label={t('workshops.field')}
        value={key}
        onChange={(e) => setKey(e.target.value)}
        options={fields.map((f) => ({ value: f.key, label: f.name }))}
        error={messageFor(problem, 'fieldOfActionKey')}
      />
      <TextField label={t('workshops.ideaTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={messageFor(problem, 'title')} />
      <TextAreaField
        label={t('agenda.description')}
        optional
        rows={3}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={messageFor(problem, 'description')}
      />
      {isGeneral(problem, ['title', 'description', 'fieldOfActionKey']) && <ErrorAlert problem={problem} />}
      <FormActions submitLabel={t('workshops.addIdea')} />
    </Form>
  );
}

function AddStepForm({ ideaId, title, onAdded }: { ideaId: string; title: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState('');
  const [responsible, setResponsible] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [result, add] = useMutation(AddStep);
  const problem = apiProblem(result.error);
  if (!open) {
    return (
      <div className="ik-actions">
        <Button variant="tertiary" onClick={() => setOpen(true)} aria-label={t('workshops.addStepLabel', { title })}>
          {t('workshops.addStep')}
        </Button>
      </div>
    );
  }
  return (
    <Form
      onSubmit={() =>
        add({ input: { ideaId, title: step, responsible: responsible.trim() || null, dueOn: dueOn || null } }).then((r) => {
          if (r.error) return;
          setStep('');
          setResponsible('');
          setDueOn('');
          setOpen(false);
          onAdded();
        })
      }
    >
      <TextField label={t('workshops.stepTitle')} value={step} onChange={(e) => setStep(e.target.value)} error={messageFor(problem, 'title')} />
      <TextField
        label={t('workshops.responsible')}
        optional
        value={responsible}
        onChange={(e) => setResponsible(e.target.value)}
        error={messageFor(problem, 'responsible')}
      />
      <DateField label={t('actionItems.dueOn')} optional value={dueOn} onChange={setDueOn} error={messageFor(problem, 'dueOn')} />
      {isGeneral(problem, ['title', 'responsible', 'dueOn']) && <ErrorAlert problem={problem} />}
      <FormActions submitLabel={t('workshops.addStep')} onCancel={() => setOpen(false)} />
    </Form>
  );
}
