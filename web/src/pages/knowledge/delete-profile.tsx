import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { navigate } from 'wouter/use-browser-location';
import { ConfirmButton } from '../../components/form';
import { ErrorAlert } from '../../components/status';
import { graphql } from '../../gql';

const Delete = graphql(`
  mutation DeleteProjectProfile($id: ID!) {
    deleteProjectProfile(id: $id)
  }
`);

/** Deleting a Steckbrief after a second click; the API says who may (its creator, the network's ADMINs/MODERATORs). */
export function DeleteProfile({ id, title }: { id: string; title: string }) {
  const { t } = useTranslation();
  const [result, remove] = useMutation(Delete);
  return (
    <>
      <ErrorAlert error={result.error} />
      <ConfirmButton
        label={t('profiles.delete')}
        confirmLabel={t('profiles.deleteConfirm', { title })}
        onConfirm={() => remove({ id }).then((r) => !r.error && navigate('/steckbriefe'))}
      />
    </>
  );
}
