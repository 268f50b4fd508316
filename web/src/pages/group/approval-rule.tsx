import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { CheckboxField, Form, FormActions, SelectField, TextField } from '../../components/form';
import { ErrorAlert } from '../../components/status';
import { graphql } from '../../gql';
import type { ApprovalRuleFieldsFragment, ProtocolApprovalMode } from '../../gql/graphql';
import { apiProblem, isGeneral, messageFor } from '../../graphql/errors';

export const ApprovalRuleFields = graphql(`
  fragment ApprovalRuleFields on Group {
    id
    protocolApprovalMode
    objectionPeriodDays
    protocolApprovers {
      id
      displayName
    }
  }
`);

const SetRule = graphql(`
  mutation SetProtocolApprovalRule($input: SetProtocolApprovalRuleInput!) {
    setProtocolApprovalRule(input: $input) {
      ...ApprovalRuleFields
    }
  }
`);

export const APPROVAL_MODES: ProtocolApprovalMode[] = ['OBJECTION_PERIOD', 'NEXT_MEETING', 'NAMED_APPROVERS', 'MODERATION'];

/** How the group's protocols are approved (issue 21): shown to members, changed by its managers. */
export function ApprovalRuleSettings({
  group,
  members,
  canManage,
}: {
  group: ApprovalRuleFieldsFragment;
  members: { role: string; person: { id: string; displayName: string } }[];
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<ProtocolApprovalMode>(group.protocolApprovalMode);
  const [days, setDays] = useState(String(group.objectionPeriodDays));
  const [approvers, setApprovers] = useState<string[]>(group.protocolApprovers.map((p) => p.id));
  const [result, save] = useMutation(SetRule);
  const [saved, setSaved] = useState(false);
  const savedRef = useRef<HTMLParagraphElement>(null);
  // After a save the keyboard goes to the confirmation. The group is fetched again right after, which
  // re-renders the tab: focus the notice after every render until it holds focus, and again if
  // focus fell to the page (never away from something the user moved to).
  const focusPending = useRef(false);
  useEffect(() => {
    const el = savedRef.current;
    if (!saved || !el) return;
    if (focusPending.current || document.activeElement === document.body) {
      el.focus();
      if (document.activeElement === el) focusPending.current = false;
    }
  });
  const problem = apiProblem(result.error);
  const current = t(`approval.mode.${group.protocolApprovalMode}`);
  const names = group.protocolApprovers.map((p) => p.displayName).join(', ');

  if (!canManage) {
    return (
      <section aria-labelledby="approval-rule-title" className="ik-approval-rule">
        <h3 className="kern-heading-small" id="approval-rule-title">{t('approval.title')}</h3>
        <p className="kern-body">{current}</p>
        <p className="kern-body kern-body--small">{t(`approval.explain.${group.protocolApprovalMode}`, { days: group.objectionPeriodDays, names: names || '–' })}</p>
      </section>
    );
  }
  const candidates = members.filter((m) => m.role !== 'GUEST');
  const submit = async () => {
    setSaved(false);
    const res = await save({
      input: {
        groupId: group.id,
        mode,
        objectionPeriodDays: mode === 'OBJECTION_PERIOD' ? (days === '' ? null : Number(days)) : null,
        approverIds: mode === 'NAMED_APPROVERS' ? approvers : null,
      },
    });
    if (!res.error) {
      focusPending.current = true;
      setSaved(true);
    }
  };
  return (
    <section aria-labelledby="approval-rule-title" className="ik-approval-rule">
      <h3 className="kern-heading-small" id="approval-rule-title">{t('approval.title')}</h3>
      <Form onSubmit={submit}>
        <SelectField
          label={t('approval.modeLabel')}
          hint={t(`approval.explain.${mode}`, { days: days || group.objectionPeriodDays, names: names || '–' })}
          value={mode}
          onChange={(e) => setMode(e.target.value as ProtocolApprovalMode)}
          options={APPROVAL_MODES.map((m) => ({ value: m, label: t(`approval.mode.${m}`) }))}
          error={messageFor(problem, 'mode')}
        />
        {mode === 'OBJECTION_PERIOD' && (
          <TextField
            label={t('approval.days')}
            type="number"
            min={1}
            max={90}
            inputMode="numeric"
            value={days}
            onChange={(e) => setDays(e.target.value)}
            error={messageFor(problem, 'objectionPeriodDays')}
          />
        )}
        {mode === 'NAMED_APPROVERS' && (
          <fieldset className="kern-fieldset">
            <legend className="kern-label">{t('approval.approvers')}</legend>
            {candidates.map((m) => (
              <CheckboxField
                key={m.person.id}
                id={`approver-${m.person.id}`}
                label={m.person.displayName}
                checked={approvers.includes(m.person.id)}
                onChange={(e) => setApprovers(e.target.checked ? [...approvers, m.person.id] : approvers.filter((id) => id !== m.person.id))}
              />
            ))}
            {messageFor(problem, 'approverIds') && (
              <p className="kern-error" role="alert">
                {messageFor(problem, 'approverIds')}
              </p>
            )}
          </fieldset>
        )}
        {isGeneral(problem, ['mode', 'objectionPeriodDays', 'approverIds']) && <ErrorAlert problem={problem} />}
        <FormActions submitLabel={t('approval.save')} busy={result.fetching} variant="secondary" />
        {saved && (
          <p className="kern-body" role="status" tabIndex={-1} ref={savedRef}>
            {t('approval.saved', { mode: t(`approval.mode.${mode}`) })}
          </p>
        )}
      </Form>
    </section>
  );
}
