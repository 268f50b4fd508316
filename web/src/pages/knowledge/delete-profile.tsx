import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { navigate } from 'wouter/use-browser-location';
import { Button } from '../../components/form';
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
  const [confirming, setConfirming] = useState(false);
  const [result, remove] = useMutation(Delete);
  return (
    <>
      <ErrorAlert error={result.error} />
      {confirming ? (
        <div className="ik-actions">
          <Button onClick={() => void remove({ id }).then((r) => !r.error && navigate('/steckbriefe'))}>{t('profiles.deleteConfirm', { title })}</Button>
          <Button variant="tertiary" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      ) : (
        <Button variant="tertiary" onClick={() => setConfirming(true)}>
          {t('profiles.delete')}
        </Button>
      )}
    </>
  );
}
