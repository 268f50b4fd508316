import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Button, CheckboxField } from '../../components/form';
import { ErrorAlert, Loading } from '../../components/status';
import { Cell, Row, Table } from '../../components/table';
import { graphql } from '../../gql';
import { csvDateTime, csvFileName, downloadCsv, toCsv } from '../../lib/csv';
import { formatDateTime, localDate } from '../../lib/format';
import { PdfDownload } from '../../components/pdf-download';

const Participants = graphql(`
  query WebinarParticipants($webinarId: ID!) {
    webinarParticipants(webinarId: $webinarId) {
      id
      personId
      name
      email
      organizationName
      registeredAt
      status
      waitlistPosition
      attendedAt
    }
  }
`);

const MarkAttendance = graphql(`
  mutation MarkWebinarAttendance($input: MarkWebinarAttendanceInput!) {
    markWebinarAttendance(input: $input) {
      id
      attendedAt
    }
  }
`);

interface Props {
  webinar: { id: string; title: string; startsAt: string; timeZone: string };
}

/**
 * The organizers' participant list of one webinar: name, organization, e-mail, registration time
 * and status (angemeldet / Warteliste / teilgenommen), attendance once it has begun, and the list as
 * CSV for German Excel (the certificates of attendance are written from it).
 */
export function ParticipantList({ webinar }: Props) {
  const { t } = useTranslation();
  const [{ data, error, fetching }, refetch] = useQuery({ query: Participants, variables: { webinarId: webinar.id } });
  const [marked, mark] = useMutation(MarkAttendance);
  if (!data) return fetching ? <Loading /> : <ErrorAlert error={error} />;
  const begun = Date.parse(webinar.startsAt) <= Date.now();
  const rows = data.webinarParticipants;
  const statusOf = (p: (typeof rows)[number]) =>
    p.attendedAt ? t('webinars.organize.status.ATTENDED') : t(`webinars.organize.status.${p.status}`, { position: p.waitlistPosition });
  const header = ['name', 'organization', 'email', 'registeredAt', 'status'].map((c) => t(`webinars.organize.col.${c}`));
  const exportCsv = () =>
    downloadCsv(
      csvFileName(webinar.title, localDate(webinar.startsAt, webinar.timeZone)),
      toCsv(header, rows.map((p) => [p.name, p.organizationName, p.email, csvDateTime(p.registeredAt), statusOf(p)])),
    );
  return (
    <section className="ik-section" aria-label={t('webinars.organize.participantsOf', { title: webinar.title })}>
      <ErrorAlert error={marked.error} />
      {rows.length === 0 ? (
        <p className="kern-body">{t('webinars.organize.noParticipants')}</p>
      ) : (
        <>
          <Table caption={t('webinars.organize.participantsOf', { title: webinar.title })} headers={[...header, ...(begun ? [t('webinars.organize.col.attended')] : [])]} variant="small">
            {rows.map((p) => (
              <Row key={p.id}>
                <Cell>{p.name}</Cell>
                <Cell>{p.organizationName ?? '–'}</Cell>
                <Cell>{p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : '–'}</Cell>
                <Cell>
                  <time dateTime={p.registeredAt}>{formatDateTime(p.registeredAt)}</time>
                </Cell>
                <Cell>{statusOf(p)}</Cell>
                {begun && (
                  <Cell>
                    {p.status === 'CONFIRMED' && (
                      <CheckboxField
                        label={t('webinars.organize.attendedLabel', { name: p.name })}
                        checked={!!p.attendedAt}
                        onChange={(e) =>
                          void mark({ input: { webinarId: webinar.id, personId: p.personId, attended: e.target.checked } }).then(() =>
                            refetch({ requestPolicy: 'network-only' }),
                          )
                        }
                      />
                    )}
                    {p.attendedAt && (
                      <PdfDownload
                        href={`/api/webinars/${webinar.id}/certificate.pdf?personId=${p.personId}`}
                        label={t('webinars.organize.certificateFor', { name: p.name })}
                        fallbackName="Teilnahmebescheinigung.pdf"
                        testId="participant-certificate-pdf"
                      />
                    )}
                  </Cell>
                )}
              </Row>
            ))}
          </Table>
          {!begun && <p className="kern-body kern-body--small">{t('webinars.organize.attendanceHint')}</p>}
          <div className="ik-actions">
            <Button variant="secondary" onClick={exportCsv} aria-label={t('webinars.organize.csvLabel', { title: webinar.title })}>
              {t('webinars.organize.csv')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
