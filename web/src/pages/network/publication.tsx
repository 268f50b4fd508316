import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Button } from '../../components/form';
import { Section } from '../../components/page';
import { Badge, ErrorAlert } from '../../components/status';
import { graphql } from '../../gql';

const PublicationQuery = graphql(`
  query NetworkPublication($slug: String!) {
    network(slug: $slug) {
      id
      publication
      oparlBodyUrl
    }
  }
`);

const SetPublication = graphql(`
  mutation SetNetworkPublication($networkId: ID!, $publication: Publication!) {
    setNetworkPublication(networkId: $networkId, publication: $publication) {
      id
      publication
      oparlBodyUrl
    }
  }
`);

/** For network ADMINs: whether the network has a public face (OParl 1.1), and what it shows. */
export function Publication({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [{ data }, refetch] = useQuery({ query: PublicationQuery, variables: { slug } });
  const [result, set] = useMutation(SetPublication);
  const network = data?.network;
  if (!network) return null;
  const isPublic = network.publication === 'PUBLIC';
  return (
    <Section
      title={t('publication.title')}
      id="oeffentlichkeit"
      actions={<Badge kind={isPublic ? 'success' : 'info'}>{t(`publication.${network.publication}`)}</Badge>}
    >
      <p className="kern-body">{t('publication.hint')}</p>
      {isPublic && network.oparlBodyUrl && (
        <p className="kern-body">
          {t('publication.url')}{' '}
          <a className="kern-link ik-hash" href={network.oparlBodyUrl} target="_blank" rel="noopener noreferrer">
            {network.oparlBodyUrl}
          </a>
        </p>
      )}
      <ErrorAlert error={result.error} />
      <Button
        variant={isPublic ? 'secondary' : 'primary'}
        onClick={() =>
          void set({ networkId: network.id, publication: isPublic ? 'PRIVATE' : 'PUBLIC' }).then((r) => !r.error && refetch({ requestPolicy: 'network-only' }))
        }
      >
        {isPublic ? t('publication.makePrivate') : t('publication.makePublic')}
      </Button>
    </Section>
  );
}
