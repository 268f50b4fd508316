import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { CheckboxField, Form, FormActions, SelectField, TextField } from '../../components/form';
import { ErrorAlert, Notice } from '../../components/status';
import { graphql } from '../../gql';
import type { AssigneeChoicesFragment, AttendanceRole, AttendanceStatus } from '../../gql/graphql';
import { apiProblem, isGeneral, messageFor } from '../../graphql/errors';
import { assigneeChoices, networkPeopleOutsideGroup } from './assignee-choices';

const RecordGuest = graphql(`
  mutation RecordGuestAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      role
      person {
        id
        displayName
      }
    }
  }
`);

const AddExternal = graphql(`
  mutation AddExternalAttendee($input: AddExternalAttendeeInput!) {
    addExternalAttendee(input: $input) {
      id
      name
    }
  }
`);

const KINDS: AttendanceRole[] = ['GUEST', 'SPEAKER', 'DEPUTY', 'EXTERNAL'];
const STATUSES: AttendanceStatus[] = ['PRESENT', 'EXCUSED', 'ABSENT'];

interface Props {
  meetingId: string;
  choices: AssigneeChoicesFragment;
  onAdded: () => void;
  /** The form's heading: where focus goes when a row of the list above goes away. */
  headingRef?: React.Ref<HTMLHeadingElement>;
}

/**
 * Anyone else at the meeting: a guest or speaker from the network, a deputy attending for a city
 * (Vertretung), or an external person without an account, by name. The fields follow the kind.
 */
export function AddAttendee({ meetingId, choices, onAdded, headingRef }: Props) {
  const { t } = useTranslation();
  const { organizations } = assigneeChoices(choices, { group: t('attendance.groupMembers'), network: t('attendance.fromNetwork') });
  const people = networkPeopleOutsideGroup(choices);
  const [kind, setKind] = useState<AttendanceRole>('GUEST');
  const [personId, setPersonId] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [name, setName] = useState('');
  const [organizationName, setOrganizationName] = useState('');
  const [consent, setConsent] = useState(false);
  const [status, setStatus] = useState<AttendanceStatus>('PRESENT');
  const [added, setAdded] = useState<string | null>(null);
  const [guestResult, recordGuest] = useMutation(RecordGuest);
  const [externalResult, addExternal] = useMutation(AddExternal);
  const external = kind === 'EXTERNAL';
  // The button is disabled while the request runs and so loses the focus: it goes back to the form's first field, for the next person.
  const kindId = useId();
  const problem = apiProblem(external ? externalResult.error : guestResult.error);

  const submit = async () => {
    setAdded(null);
    if (external) {
      const res = await addExternal({ input: { meetingId, name, organizationName: organizationName || null, status, consentToPublish: consent } });
      if (!res.data) return;
      setAdded(res.data.addExternalAttendee.name);
      setName('');
      setOrganizationName('');
      setConsent(false);
    } else {
      const res = await recordGuest({
        input: { meetingId, personId, role: kind, status, organizationId: kind === 'DEPUTY' ? organizationId || null : null },
      });
      if (!res.data) return;
      setAdded(res.data.recordAttendance.person.displayName);
      setPersonId('');
      setOrganizationId('');
    }
    onAdded();
    document.getElementById(kindId)?.focus();
  };
  const fields = ['personId', 'organizationId', 'role', 'status', 'name', 'organizationName', 'consentToPublish', 'meetingId'];
  return (
    <Form className="ik-form ik-no-print" onSubmit={submit}>
      <h3 className="kern-heading-small" ref={headingRef} tabIndex={-1}>
        {t('attendance.add')}
      </h3>
      <p className="kern-body kern-body--small">{t('attendance.addHint')}</p>
      <SelectField
        id={kindId}
        label={t('attendance.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as AttendanceRole)}
        options={KINDS.map((k) => ({ value: k, label: t(`attendance.roles.${k}`) }))}
        error={messageFor(problem, 'role')}
      />
      {external ? (
        <>
          <TextField
            label={t('attendance.externalName')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={messageFor(problem, 'name')}
            required
            autoComplete="off"
          />
          <TextField
            label={t('attendance.externalOrganization')}
            optional
            value={organizationName}
            onChange={(e) => setOrganizationName(e.target.value)}
            error={messageFor(problem, 'organizationName')}
            autoComplete="off"
          />
          <CheckboxField label={t('attendance.consent')} checked={consent} onChange={(e) => setConsent(e.target.checked)} />
        </>
      ) : (
        <>
          <SelectField
            label={t('attendance.person')}
            value={personId}
            onChange={(e) => setPersonId(e.target.value)}
            options={[{ value: '', label: t('attendance.choosePerson') }, ...people]}
            error={messageFor(problem, 'personId')}
          />
          {kind === 'DEPUTY' && (
            <SelectField
              label={t('attendance.forOrganization')}
              value={organizationId}
              onChange={(e) => setOrganizationId(e.target.value)}
              options={[{ value: '', label: t('attendance.chooseOrganization') }]}
              groups={organizations}
              error={messageFor(problem, 'organizationId')}
            />
          )}
        </>
      )}
      <SelectField
        label={t('attendance.status')}
        value={status}
        onChange={(e) => setStatus(e.target.value as AttendanceStatus)}
        options={STATUSES.map((s) => ({ value: s, label: t(`attendance.${s}`) }))}
        error={messageFor(problem, 'status')}
      />
      {isGeneral(problem, fields) && <ErrorAlert problem={problem} />}
      {messageFor(problem, 'meetingId') && <ErrorAlert problem={problem} />}
      <div aria-live="polite">{added && <Notice kind="success" title={t('attendance.added', { name: added })} />}</div>
      <FormActions submitLabel={t('attendance.addSubmit')} busy={guestResult.fetching || externalResult.fetching} variant="secondary" />
    </Form>
  );
}
