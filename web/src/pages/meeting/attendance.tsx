import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorAlert } from '../../components/status';
import { Cell, Row, Table } from '../../components/table';
import { graphql } from '../../gql';
import type { AttendanceStatus } from '../../gql/graphql';

const Record = graphql(`
  mutation RecordAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      status
    }
  }
`);

const STATUSES: AttendanceStatus[] = ['PRESENT', 'EXCUSED', 'ABSENT'];

interface Props {
  meetingId: string;
  members: { person: { id: string; displayName: string }; organization: { id: string; name: string } | null }[];
  attendance: { status: AttendanceStatus; person: { id: string } }[];
  canManage: boolean;
  onChanged: () => void;
}

/** Who was there: moderators record it per member; the group sees it; nobody outside the group does. */
export function Attendance({ meetingId, members, attendance, canManage, onChanged }: Props) {
  const { t } = useTranslation();
  const [result, record] = useMutation(Record);
  const statusOf = (personId: string) => attendance.find((a) => a.person.id === personId)?.status ?? null;
  return (
    <>
      <ErrorAlert error={result.error} />
      <Table caption={t('attendance.title')} headers={[t('members.person'), t('members.organization'), t('attendance.status')]} variant="small">
        {members.map((m) => {
          const status = statusOf(m.person.id);
          return (
            <Row key={m.person.id}>
              <Cell>{m.person.displayName}</Cell>
              <Cell>{m.organization?.name ?? '–'}</Cell>
              <Cell>
                {canManage ? (
                  <>
                    <label className="kern-sr-only" htmlFor={`anwesenheit-${m.person.id}`}>
                      {t('attendance.of', { name: m.person.displayName })}
                    </label>
                    <div className="kern-form-input__select-wrapper">
                      <select
                        id={`anwesenheit-${m.person.id}`}
                        className="kern-form-input__select"
                        value={status ?? ''}
                        onChange={(e) =>
                          void record({
                            input: { meetingId, personId: m.person.id, status: e.target.value as AttendanceStatus, organizationId: m.organization?.id ?? null },
                          }).then((r) => !r.error && onChanged())
                        }
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
                )}
              </Cell>
            </Row>
          );
        })}
      </Table>
    </>
  );
}
