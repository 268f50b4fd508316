import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { useAuth } from '../../auth/auth-context';
import { Button, CheckboxField, Form, FormActions, TextField } from '../../components/form';
import { Page, Section } from '../../components/page';
import { ErrorAlert, Loading, Notice } from '../../components/status';
import { Cell, Row, Table } from '../../components/table';
import { graphql } from '../../gql';
import { apiProblem, messageFor } from '../../graphql/errors';
import { formatDateTime } from '../../lib/format';

const AccountQuery = graphql(`
  query Account {
    me {
      id
      displayName
      email
      matrixUserId
      publicProfile
      notifyByEmail
      organizations {
        id
        name
      }
    }
    myAuditLog(limit: 50) {
      id
      at
      action
      summary
      actor {
        id
        displayName
      }
    }
  }
`);

const SetPrivacy = graphql(`
  mutation SetPrivacySettings($input: PrivacySettingsInput!) {
    setPrivacySettings(input: $input) {
      id
      publicProfile
      notifyByEmail
    }
  }
`);

const LinkMatrix = graphql(`
  mutation LinkMatrixAccount($input: LinkMatrixAccountInput!) {
    linkMatrixAccount(input: $input) {
      id
      matrixUserId
    }
  }
`);

const Erase = graphql(`
  mutation ErasePerson($input: ErasePersonInput!) {
    erasePerson(input: $input)
  }
`);

/** Meine Daten: consent, notifications, the Matrix link, what the audit log says about me, export and erasure. */
export function AccountPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [{ data, error, fetching }, refetch] = useQuery({ query: AccountQuery });
  const [privacy, setPrivacy] = useMutation(SetPrivacy);
  const [linked, link] = useMutation(LinkMatrix);
  const [erased, erase] = useMutation(Erase);
  const [matrixId, setMatrixId] = useState<string | null>(null);
  const [confirm, setConfirm] = useState('');
  const [downloadError, setDownloadError] = useState(false);
  // A change shows at once; it is undone if the hub refuses it.
  const [settings, setSettings] = useState<{ publicProfile?: boolean; notifyByEmail?: boolean }>({});
  if (!data) return fetching ? <Loading /> : <ErrorAlert error={error} />;
  const me = data.me;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const download = async () => {
    setDownloadError(false);
    const res = await fetch('/privacy/export', { headers: { authorization: `Bearer ${auth.token}` } });
    if (!res.ok) return setDownloadError(true);
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'interkom-export.json';
    a.click();
    URL.revokeObjectURL(url);
  };
  const matrixProblem = apiProblem(linked.error);
  const change = (key: 'publicProfile' | 'notifyByEmail', value: boolean) => {
    setSettings((cur) => ({ ...cur, [key]: value }));
    void setPrivacy({ input: { [key]: value } }).then((r) => {
      if (r.error) setSettings((cur) => ({ ...cur, [key]: undefined }));
      else reload();
    });
  };

  return (
    <Page title={t('account.title')} kicker={me.displayName}>
      <dl className="kern-description-list">
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('account.name')}</dt>
          <dd className="kern-description-list-item__value">{me.displayName}</dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('account.email')}</dt>
          <dd className="kern-description-list-item__value">{me.email ?? '–'}</dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('account.organizations')}</dt>
          <dd className="kern-description-list-item__value">{me.organizations.map((o) => o.name).join(', ') || '–'}</dd>
        </div>
      </dl>
      <p className="kern-body kern-body--small">{t('account.fromSignIn')}</p>

      <Section title={t('account.consent')} id="einwilligung">
        <CheckboxField
          label={t('account.publicProfile')}
          checked={settings.publicProfile ?? me.publicProfile}
          onChange={(e) => change('publicProfile', e.target.checked)}
        />
        <p className="kern-body kern-body--small">{t('account.publicProfileHint')}</p>
        <CheckboxField
          label={t('account.notifyByEmail')}
          checked={settings.notifyByEmail ?? me.notifyByEmail}
          onChange={(e) => change('notifyByEmail', e.target.checked)}
        />
        <ErrorAlert error={privacy.error} />
      </Section>

      <Section title={t('account.matrix')} id="matrix">
        <Form onSubmit={() => link({ input: { matrixUserId: (matrixId ?? me.matrixUserId ?? '').trim() } }).then((r) => !r.error && reload())}>
          <TextField
            label={t('account.matrixId')}
            hint={t('account.matrixHint')}
            value={matrixId ?? me.matrixUserId ?? ''}
            onChange={(e) => setMatrixId(e.target.value)}
            error={messageFor(matrixProblem, 'matrixUserId')}
          />
          {matrixProblem && !messageFor(matrixProblem, 'matrixUserId') && <ErrorAlert problem={matrixProblem} />}
          {linked.data && <Notice kind="success" title={t('account.matrixLinked')} />}
          <FormActions submitLabel={t('account.matrixLink')} variant="secondary" />
        </Form>
      </Section>

      <Section title={t('account.export')} id="auskunft">
        <p className="kern-body">{t('account.exportHint')}</p>
        <Button variant="secondary" onClick={() => void download()}>
          {t('account.exportButton')}
        </Button>
        {downloadError && <Notice kind="warning" title={t('errors.title.default')} />}
      </Section>

      <Section title={t('account.auditLog')} id="protokoll">
        {data.myAuditLog.length === 0 ? (
          <p className="kern-body">{t('account.auditEmpty')}</p>
        ) : (
          <Table caption={t('account.auditLog')} headers={[t('account.when'), t('account.what'), t('account.by')]} variant="small">
            {data.myAuditLog.map((e) => (
              <Row key={e.id}>
                <Cell>{formatDateTime(e.at)}</Cell>
                <Cell>{e.summary}</Cell>
                <Cell>{e.actor?.displayName ?? t('account.theHub')}</Cell>
              </Row>
            ))}
          </Table>
        )}
      </Section>

      <Section title={t('account.erase')} id="loeschen">
        <p className="kern-body">{t('account.eraseHint')}</p>
        <Form
          onSubmit={() => {
            if (confirm.trim() !== me.displayName) return;
            return erase({ input: { personId: me.id } }).then((r) => !r.error && auth.signOut());
          }}
        >
          <TextField
            label={t('account.eraseConfirm', { name: me.displayName })}
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            autoComplete="off"
          />
          <ErrorAlert error={erased.error} />
          <FormActions submitLabel={t('account.eraseButton')} disabled={confirm.trim() !== me.displayName} />
        </Form>
      </Section>
    </Page>
  );
}
