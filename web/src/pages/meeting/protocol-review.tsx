import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Link } from 'wouter';
import { Button, Form, FormActions, TextAreaField } from '../../components/form';
import { Badge, ErrorAlert, Notice } from '../../components/status';
import { graphql } from '../../gql';
import type { ProtocolFeedbackKind, ProtocolReviewFieldsFragment } from '../../gql/graphql';
import { apiProblem, isGeneral, messageFor } from '../../graphql/errors';
import { formatDateTime } from '../../lib/format';

export const ProtocolReviewFields = graphql(`
  fragment ProtocolReviewFields on Protocol {
    id
    version
    approvalMode
    approvalDueAt
    openObjectionCount
    myApprovalPending
    approvalMeeting {
      id
      title
      startsAt
    }
    approvals {
      approvedAt
      person {
        id
        displayName
      }
    }
    feedback {
      id
      kind
      text
      agendaItemId
      createdAt
      protocolVersion
      answer
      answeredAt
      resolution
      author {
        id
        displayName
      }
      answeredBy {
        id
        displayName
      }
    }
  }
`);

const Comment = graphql(`
  mutation CommentOnProtocol($input: CommentOnProtocolInput!) {
    commentOnProtocol(input: $input) {
      id
    }
  }
`);
const Object_ = graphql(`
  mutation RaiseProtocolObjection($input: RaiseProtocolObjectionInput!) {
    raiseProtocolObjection(input: $input) {
      id
    }
  }
`);
const Answer = graphql(`
  mutation AnswerProtocolFeedback($input: AnswerProtocolFeedbackInput!) {
    answerProtocolFeedback(input: $input) {
      id
    }
  }
`);
const Decide = graphql(`
  mutation DecideProtocolObjection($input: DecideProtocolObjectionInput!) {
    decideProtocolObjection(input: $input) {
      id
    }
  }
`);
const Withdraw = graphql(`
  mutation WithdrawProtocolObjection($input: WithdrawProtocolObjectionInput!) {
    withdrawProtocolObjection(input: $input) {
      id
    }
  }
`);
const ApproveAs = graphql(`
  mutation ApproveProtocolAsApprover($input: ProtocolTransitionInput!) {
    approveProtocolAsApprover(input: $input) {
      id
      status
      version
    }
  }
`);
type Feedback = ProtocolReviewFieldsFragment['feedback'][number];

interface Props {
  protocol: ProtocolReviewFieldsFragment & { status: string };
  items: { id: string; title: string; position: number }[];
  /** The entries' notes by agenda item, shown beside the remarks on them. */
  notes: Map<string, string>;
  canManage: boolean;
  myId: string | null;
  onChanged: () => void;
  /** For the moderators' way from a remark to the entry in the protocol mode. */
  meetingId: string;
}

/**
 * The review by the group (issue 21.1): per entry its notes and the remarks on it, a form to
 * comment or object, the moderation's answers and decisions, and the rule the approval follows.
 */
export function ProtocolReview({ protocol, items, notes, canManage, myId, onChanged, meetingId }: Props) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const inReview = protocol.status === 'IN_REVIEW';
  const done = (message: string) => {
    setAnnouncement(message);
    onChanged();
  };
  const topics = [...items.map((i) => ({ id: i.id as string | null, title: `${i.position}. ${i.title}` })), { id: null, title: t('review.whole') }];
  return (
    <section className="ik-review" aria-labelledby="review-title">
      <h3 className="kern-heading-small" id="review-title">
        {t('review.title')}
      </h3>
      <RuleStatus protocol={protocol} />
      {protocol.myApprovalPending && <ApproveAsApprover protocol={protocol} onDone={() => done(t('review.approvedByMe'))} />}
      <p className="kern-sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      {topics.map((topic) => (
        <Topic
          key={topic.id ?? 'whole'}
          protocolId={protocol.id}
          reviseHref={canManage && inReview && topic.id ? `/sitzungen/${meetingId}/protokoll?punkt=${topic.id}` : null}
          topic={topic}
          notes={topic.id ? (notes.get(topic.id) ?? '') : null}
          feedback={protocol.feedback.filter((f) => f.agendaItemId === topic.id)}
          inReview={inReview}
          canManage={canManage}
          myId={myId}
          onDone={done}
        />
      ))}
    </section>
  );
}

function RuleStatus({ protocol }: { protocol: Props['protocol'] }) {
  const { t } = useTranslation();
  const mode = protocol.approvalMode ?? 'MODERATION';
  return (
    <div className="ik-review__rule">
      <p className="kern-body">
        <strong>{t('approval.title')}:</strong> {t(`approval.mode.${mode}`)}
      </p>
      {protocol.status === 'IN_REVIEW' && (
        <p className="kern-body kern-body--small">
          {mode === 'OBJECTION_PERIOD' && protocol.approvalDueAt && t('review.dueAt', { at: formatDateTime(protocol.approvalDueAt) })}
          {mode === 'NEXT_MEETING' &&
            (protocol.approvalMeeting
              ? t('review.nextMeeting', { title: protocol.approvalMeeting.title, at: formatDateTime(protocol.approvalMeeting.startsAt) })
              : t('review.noNextMeeting'))}
          {mode === 'NAMED_APPROVERS' &&
            t('review.approvals', { names: protocol.approvals.map((a) => a.person?.displayName ?? '–').join(', ') || t('review.nobodyYet') })}
          {mode === 'MODERATION' && t('review.moderation')}
        </p>
      )}
      {protocol.openObjectionCount > 0 && <Notice kind="warning" title={t('review.openObjections', { count: protocol.openObjectionCount })} />}
    </div>
  );
}

function ApproveAsApprover({ protocol, onDone }: { protocol: Props['protocol']; onDone: () => void }) {
  const { t } = useTranslation();
  const [result, approve] = useMutation(ApproveAs);
  return (
    <div className="ik-actions">
      <Button onClick={() => void approve({ input: { protocolId: protocol.id, expectedVersion: protocol.version } }).then((r) => !r.error && onDone())}>
        {t('review.approveAsApprover')}
      </Button>
      <ErrorAlert error={result.error} />
    </div>
  );
}

function Topic({
  protocolId,
  reviseHref,
  topic,
  notes,
  feedback,
  inReview,
  canManage,
  myId,
  onDone,
}: {
  protocolId: string;
  reviseHref: string | null;
  topic: { id: string | null; title: string };
  notes: string | null;
  feedback: Feedback[];
  inReview: boolean;
  canManage: boolean;
  myId: string | null;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = `review-topic-${topic.id ?? 'whole'}`;
  return (
    <article className="ik-review__topic" aria-labelledby={headingId}>
      <h4 className="kern-heading-small" id={headingId}>
        {topic.title}
      </h4>
      {notes !== null && <p className="kern-body ik-review__notes">{notes || t('review.noNotes')}</p>}
      {reviseHref && (
        <p className="kern-body kern-body--small">
          <Link href={reviseHref} className="kern-link">
            {t('review.revise', { title: topic.title })}
          </Link>
        </p>
      )}
      {feedback.length > 0 && (
        <ul className="ik-list" aria-label={t('review.remarksOn', { title: topic.title })}>
          {feedback.map((f) => (
            <FeedbackItem key={f.id} feedback={f} inReview={inReview} canManage={canManage} mine={f.author?.id === myId} onDone={onDone} />
          ))}
        </ul>
      )}
      {inReview && <FeedbackForm protocolId={protocolId} agendaItemId={topic.id} title={topic.title} onDone={onDone} />}
    </article>
  );
}

function FeedbackItem({ feedback: f, inReview, canManage, mine, onDone }: { feedback: Feedback; inReview: boolean; canManage: boolean; mine: boolean; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState('');
  const [answered, sendAnswer] = useMutation(Answer);
  const [decided, decide] = useMutation(Decide);
  const [withdrawn, withdraw] = useMutation(Withdraw);
  const itemRef = useRef<HTMLLIElement>(null);
  const problem = apiProblem(answered.error ?? decided.error ?? withdrawn.error);
  const open = f.kind === 'OBJECTION' && !f.resolution;
  const after = (message: string) => (r: { error?: unknown }) => {
    if (r.error) return;
    setAnswer('');
    onDone(message);
    requestAnimationFrame(() => itemRef.current?.focus());
  };
  return (
    <li className="ik-list__item ik-list__item--stack ik-review__remark" tabIndex={-1} ref={itemRef}>
      <span>
        <Badge kind={f.kind === 'OBJECTION' ? (open ? 'danger' : 'info') : 'info'}>{t(`review.kind.${f.kind}`)}</Badge>{' '}
        {f.resolution && <Badge kind="success">{t(`review.resolution.${f.resolution}`)}</Badge>}
      </span>
      <span className="kern-body">{f.text}</span>
      <span className="kern-body kern-body--small">
        {t('review.by', { name: f.author?.displayName ?? '–', at: formatDateTime(f.createdAt), version: f.protocolVersion })}
      </span>
      {f.answer && (
        <span className="kern-body ik-review__answer">
          <strong>{t('review.answer', { name: f.answeredBy?.displayName ?? '–' })}</strong> {f.answer}
        </span>
      )}
      {inReview && mine && open && (
        <div className="ik-actions">
          <Button variant="secondary" onClick={() => void withdraw({ input: { feedbackId: f.id } }).then(after(t('review.withdrawn')))}>
            {t('review.withdraw')}
          </Button>
        </div>
      )}
      {inReview && canManage && (f.kind === 'COMMENT' ? !f.answer : open) && (
        <Form
          onSubmit={() => sendAnswer({ input: { feedbackId: f.id, answer } }).then(after(t('review.answered')))}
          className="ik-form ik-no-print"
        >
          <TextAreaField
            label={f.kind === 'OBJECTION' ? t('review.answerObjectionLabel') : t('review.answerLabel')}
            rows={2}
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
            error={messageFor(problem, 'answer')}
          />
          {isGeneral(problem, ['answer']) && <ErrorAlert problem={problem} />}
          <div className="ik-actions">
            {f.kind === 'COMMENT' ? (
              <FormActions submitLabel={t('review.sendAnswer')} busy={answered.fetching} variant="secondary" />
            ) : (
              <>
                <Button onClick={() => void decide({ input: { feedbackId: f.id, upheld: true, answer } }).then(after(t('review.decided')))}>{t('review.uphold')}</Button>
                <Button variant="secondary" onClick={() => void decide({ input: { feedbackId: f.id, upheld: false, answer } }).then(after(t('review.decided')))}>
                  {t('review.reject')}
                </Button>
              </>
            )}
          </div>
        </Form>
      )}
    </li>
  );
}

function FeedbackForm({ protocolId, agendaItemId, title, onDone }: { protocolId: string; agendaItemId: string | null; title: string; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<ProtocolFeedbackKind>('COMMENT');
  const [commented, comment] = useMutation(Comment);
  const [objected, object] = useMutation(Object_);
  const [sent, setSent] = useState(0);
  const problem = apiProblem(kind === 'COMMENT' ? commented.error : objected.error);
  // After sending, the keyboard stays in the form for the next remark.
  const fieldId = `remark-${agendaItemId ?? 'whole'}`;
  useEffect(() => {
    if (sent) document.getElementById(fieldId)?.focus();
  }, [sent, fieldId]);
  const submit = async (as: ProtocolFeedbackKind) => {
    setKind(as);
    const res = as === 'COMMENT' ? await comment({ input: { protocolId, agendaItemId, text } }) : await object({ input: { protocolId, agendaItemId, reason: text } });
    if (res.error) return;
    setText('');
    setSent((n) => n + 1);
    onDone(as === 'COMMENT' ? t('review.commented') : t('review.objected'));
  };
  return (
    <Form onSubmit={() => submit('COMMENT')} className="ik-form ik-no-print">
      <TextAreaField
        id={fieldId}
        label={t('review.remarkLabel', { title })}
        hint={t('review.remarkHint')}
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={messageFor(problem, kind === 'COMMENT' ? 'text' : 'reason')}
      />
      {isGeneral(problem, ['text', 'reason']) && <ErrorAlert problem={problem} />}
      <div className="ik-actions">
        <FormActions submitLabel={t('review.comment')} busy={commented.fetching} variant="secondary" />
        <Button variant="secondary" onClick={() => void submit('OBJECTION')}>
          {t('review.object')}
        </Button>
      </div>
    </Form>
  );
}
