import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Section } from '../../components/page';
import { PdfDownload } from '../../components/pdf-download';
import { graphql } from '../../gql';
import { formatRange } from '../../lib/format';

const MyCertificates = graphql(`
  query MyWebinarCertificates {
    myWebinarCertificates {
      id
      title
      startsAt
      endsAt
      timeZone
    }
  }
`);

/** The webinars the caller was marked present at, each with its Teilnahmebescheinigung (also after the webinar left the list). */
export function MyCertificatesSection() {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: MyCertificates, requestPolicy: 'cache-and-network' });
  const webinars = data?.myWebinarCertificates ?? [];
  if (!webinars.length) return null;
  return (
    <Section title={t('webinars.certificates.title')} id="teilnahmebescheinigungen">
      <ul className="ik-list">
        {webinars.map((w) => (
          <li key={w.id} className="ik-list__item ik-list__item--stack" data-testid="my-certificate">
            <strong>{w.title}</strong>
            <span className="kern-body kern-body--small">
              <time dateTime={w.startsAt}>{formatRange(w.startsAt, w.endsAt, w.timeZone)}</time>
            </span>
            <PdfDownload
              href={`/api/webinars/${w.id}/certificate.pdf`}
              label={t('webinars.certificates.download', { title: w.title })}
              fallbackName="Teilnahmebescheinigung.pdf"
            />
          </li>
        ))}
      </ul>
    </Section>
  );
}
