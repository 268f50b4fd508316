import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorAlert } from '../../components/status';
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
      <div className="ik-table-wrap">
        <table className="kern-table kern-table--small">
          <caption className="kern-sr-only">{t('attendance.title')}</caption>
          <thead className="kern-table__head">
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">{t('members.person')}</th>
              <th scope="col" className="kern-table__header">{t('members.organization')}</th>
              <th scope="col" className="kern-table__header">{t('attendance.status')}</th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {members.map((m) => {
              const status = statusOf(m.person.id);
              return (
                <tr key={m.person.id} className="kern-table__row">
                  <td className="kern-table__cell">{m.person.displayName}</td>
                  <td className="kern-table__cell">{m.organization?.name ?? '–'}</td>
                  <td className="kern-table__cell">
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
                              void record({ input: { meetingId, personId: m.person.id, status: e.target.value as AttendanceStatus, organizationId: m.organization?.id ?? null } }).then((r) => !r.error && onChanged())
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
                      (status && t(`attendance.${status}`)) ?? t('attendance.unknown')
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
