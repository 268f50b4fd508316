import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ConfirmButton } from '../../components/form';
import { ErrorAlert, Notice } from '../../components/status';
import { Cell, Row, Table } from '../../components/table';
import { graphql } from '../../gql';
import type { AssigneeChoicesFragment, AttendanceRole, AttendanceStatus } from '../../gql/graphql';
import { AddAttendee } from './add-attendee';
import { AttendanceFromAnswers } from './rsvp-attendance';

const Record = graphql(`
  mutation RecordAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      status
    }
  }
`);

const Remove = graphql(`
  mutation RemoveAttendance($input: RemoveAttendanceInput!) {
    removeAttendance(input: $input) {
      status
    }
  }
`);

const UpdateExternal = graphql(`
  mutation UpdateExternalAttendee($input: UpdateExternalAttendeeInput!) {
    updateExternalAttendee(input: $input) {
      id
      status
    }
  }
`);

const RemoveExternal = graphql(`
  mutation RemoveExternalAttendee($input: RemoveExternalAttendeeInput!) {
    removeExternalAttendee(input: $input) {
      id
    }
  }
`);

const STATUSES: AttendanceStatus[] = ['PRESENT', 'EXCUSED', 'ABSENT'];

type Org = { id: string; name: string };
interface Props {
  meetingId: string;
  members: { role?: string; person: { id: string; displayName: string }; organization: Org | null }[];
  attendance: { status: AttendanceStatus; role: AttendanceRole; person: { id: string; displayName: string }; organization: Org | null }[];
  externals: { id: string; name: string; organizationName: string | null; role: AttendanceRole; status: AttendanceStatus; consentToPublish: boolean }[];
  choices: AssigneeChoicesFragment;
  canManage: boolean;
  onChanged: () => void;
}

/**
 * Who was there: the group's members, and anyone else the moderation records (guests, speakers,
 * deputies attending for a city, external people by name). The group sees it; nobody outside.
 */
export function Attendance({ meetingId, members, attendance, externals, choices, canManage, onChanged }: Props) {
  const { t } = useTranslation();
  const [recordResult, record] = useMutation(Record);
  const [removeResult, remove] = useMutation(Remove);
  const [updateResult, updateExternal] = useMutation(UpdateExternal);
  const [removeExternalResult, removeExternal] = useMutation(RemoveExternal);
  const [removed, setRemoved] = useState<string | null>(null);
  // A removed row takes its button with it: focus goes to the list's heading, not to the page's start.
  const heading = useRef<HTMLHeadingElement>(null);
  const memberIds = new Set(members.map((m) => m.person.id));
  const recorded = (personId: string) => attendance.find((a) => a.person.id === personId);
  const others = attendance.filter((a) => !memberIds.has(a.person.id));
  const afterRemoval = (name: string) => (r: { error?: unknown }) => {
    if (r.error) return;
    setRemoved(name);
    onChanged();
    heading.current?.focus();
  };

  const statusControl = (id: string, name: string, status: AttendanceStatus | null, change: (s: AttendanceStatus) => void) =>
    canManage ? (
      <>
        <label className="kern-sr-only" htmlFor={`anwesenheit-${id}`}>
          {t('attendance.of', { name })}
        </label>
        <div className="kern-form-input__select-wrapper">
          <select
            id={`anwesenheit-${id}`}
            className="kern-form-input__select"
            value={status ?? ''}
            onChange={(e) => change(e.target.value as AttendanceStatus)}
          >
            <option value="" disabled>
              {t('attendance.unknown')}
            </option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`attendance.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </>
    ) : (
      ((status && t(`attendance.${status}`)) ?? t('attendance.unknown'))
    );
  const removeControl = (name: string, onConfirm: () => unknown) =>
    canManage && (
      <ConfirmButton
        label={t('common.remove')}
        ariaLabel={t('attendance.removeLabel', { name })}
        confirmLabel={t('attendance.removeConfirm')}
        onConfirm={onConfirm}
      />
    );
  const recordPerson = (personId: string, status: AttendanceStatus, role: AttendanceRole | null, organizationId: string | null) =>
    void record({ input: { meetingId, personId, status, organizationId, role } }).then((r) => !r.error && onChanged());

  const headers = [
    t('members.person'),
    t('members.organization'),
    t('attendance.role'),
    t('attendance.status'),
    ...(canManage ? [t('attendance.actions')] : []),
  ];
  return (
    <>
      <ErrorAlert error={recordResult.error ?? removeResult.error ?? updateResult.error ?? removeExternalResult.error} />
      <Table caption={t('attendance.title')} headers={headers} variant="small">
        {members.map((m) => {
          const a = recorded(m.person.id);
          return (
            <Row key={m.person.id}>
              <Cell>{m.person.displayName}</Cell>
              <Cell>{(a?.organization ?? m.organization)?.name ?? '–'}</Cell>
              <Cell>{t(`attendance.roles.${a?.role ?? (m.role === 'GUEST' ? 'GUEST' : 'MEMBER')}`)}</Cell>
              <Cell>
                {statusControl(m.person.id, m.person.displayName, a?.status ?? null, (s) =>
                  recordPerson(m.person.id, s, a?.role ?? null, a?.organization?.id ?? m.organization?.id ?? null),
                )}
              </Cell>
              {canManage && <Cell />}
            </Row>
          );
        })}
        {others.map((a) => (
          <Row key={a.person.id}>
            <Cell>{a.person.displayName}</Cell>
            <Cell>
              {a.role === 'DEPUTY' && a.organization ? t('attendance.deputyFor', { organization: a.organization.name }) : (a.organization?.name ?? '–')}
            </Cell>
            <Cell>{t(`attendance.roles.${a.role}`)}</Cell>
            <Cell>{statusControl(a.person.id, a.person.displayName, a.status, (s) => recordPerson(a.person.id, s, a.role, a.organization?.id ?? null))}</Cell>
            {canManage && (
              <Cell>
                {removeControl(a.person.displayName, () => remove({ input: { meetingId, personId: a.person.id } }).then(afterRemoval(a.person.displayName)))}
              </Cell>
            )}
          </Row>
        ))}
        {externals.map((x) => (
          <Row key={x.id}>
            <Cell>
              {x.name}
              <br />
              <span className="kern-body--small">{t(x.consentToPublish ? 'attendance.consentGiven' : 'attendance.internalOnly')}</span>
            </Cell>
            <Cell>{x.organizationName ?? '–'}</Cell>
            <Cell>{t(`attendance.roles.${x.role}`)}</Cell>
            <Cell>
              {statusControl(
                x.id,
                x.name,
                x.status,
                (s) => void updateExternal({ input: { externalAttendeeId: x.id, status: s } }).then((r) => !r.error && onChanged()),
              )}
            </Cell>
            {canManage && <Cell>{removeControl(x.name, () => removeExternal({ input: { externalAttendeeId: x.id } }).then(afterRemoval(x.name)))}</Cell>}
          </Row>
        ))}
      </Table>
      {canManage && <AttendanceFromAnswers meetingId={meetingId} externalNames={externals.map((x) => x.name)} onChanged={onChanged} />}
      {canManage && (
        <>
          <div aria-live="polite">{removed && <Notice kind="success" title={t('attendance.removed', { name: removed })} />}</div>
          <AddAttendee meetingId={meetingId} choices={choices} onAdded={onChanged} headingRef={heading} />
        </>
      )}
    </>
  );
}
