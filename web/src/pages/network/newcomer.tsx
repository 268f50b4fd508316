import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/form';
import { Section } from '../../components/page';
import { graphql } from '../../gql';
import type { GroupOverviewItemFragment } from '../../gql/graphql';
import { RequestNetworkMembership } from './request-membership';

export const GroupOverviewItem = graphql(`
  fragment GroupOverviewItem on GroupSummary {
    id
    name
    level
    description
    joinPolicy
    memberCount
    leadOrganization {
      id
      name
    }
  }
`);

interface Props {
  network: { id: string; name: string; joinPolicy: string };
  groups: GroupOverviewItemFragment[];
  organizations: { id: string; name: string }[];
}

/**
 * A newcomer's view of a network they have no role in (issue 22): its groups and what they do — the
 * network's public information: name, level, description, lead city, how many take part — and the
 * request for their organization to join, with the group they want to work in.
 */
export function NewcomerSection({ network, groups, organizations }: Props) {
  const { t } = useTranslation();
  const [wish, setWish] = useState<{ group: string; at: number } | null>(null);
  return (
    <>
      <Section title={t('network.groupsOf', { name: network.name })} id="gruppen">
        <p className="kern-body">{t('network.newcomerGroupsHint')}</p>
        {groups.length === 0 ? (
          <p className="kern-body">{t('network.noGroups')}</p>
        ) : (
          <ul className="ik-list">
            {groups.map((g) => (
              <li key={g.id} className="ik-list__item ik-list__item--stack" data-testid="group-overview">
                <div>
                  <p className="kern-preline">{t(`group.level.${g.level}`)}</p>
                  <h3 className="kern-heading-small">{g.name}</h3>
                  {g.description && <p className="kern-body">{g.description}</p>}
                  <p className="kern-body kern-body--small">
                    {g.leadOrganization && <>{t('group.lead', { city: g.leadOrganization.name })} · </>}
                    {t('group.memberCount', { count: g.memberCount })}
                  </p>
                </div>
                {g.joinPolicy !== 'CLOSED' && network.joinPolicy !== 'INVITE_ONLY' && (
                  <div className="ik-actions">
                    <Button variant="secondary" aria-label={t('network.wishLabel', { name: g.name })} onClick={() => setWish({ group: g.name, at: Date.now() })}>
                      {t('network.wish')}
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <RequestNetworkMembership network={network} organizations={organizations} wish={wish} />
    </>
  );
}
