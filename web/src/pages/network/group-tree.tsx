import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { graphql } from '../../gql';
import type { GroupTreeItemFragment } from '../../gql/graphql';
import { JoinGroup } from '../group/join-group';

export const GroupTreeItem = graphql(`
  fragment GroupTreeItem on Group {
    id
    name
    level
    description
    joinPolicy
    memberCount
    myRole
    viewerCanManage
    parent {
      id
    }
    leadOrganization {
      id
      name
    }
    myJoinRequest {
      id
      status
    }
  }
`);

/** Plenum → expert groups → project groups, each with its lead city and a way in. */
export function GroupTree({
  groups,
  myOrganizations,
  onChanged,
}: {
  groups: GroupTreeItemFragment[];
  myOrganizations: { id: string; name: string }[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const ids = new Set(groups.map((g) => g.id));
  const childrenOf = (id: string | null) => groups.filter((g) => (g.parent && ids.has(g.parent.id) ? g.parent.id : null) === id);
  const render = (list: GroupTreeItemFragment[]) => (
    <ul className="ik-tree">
      {list.map((g) => (
        <li key={g.id}>
          <GroupCard group={g} myOrganizations={myOrganizations} onChanged={onChanged} />
          {childrenOf(g.id).length > 0 && render(childrenOf(g.id))}
        </li>
      ))}
    </ul>
  );
  if (!groups.length) return <p className="kern-body">{t('network.noGroups')}</p>;
  return render(childrenOf(null));
}

function GroupCard({
  group,
  myOrganizations,
  onChanged,
}: {
  group: GroupTreeItemFragment;
  myOrganizations: { id: string; name: string }[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="kern-card ik-group-card">
      <div className="kern-card__container">
        <div className="kern-card__header">
          <p className="kern-preline">{t(`group.level.${group.level}`)}</p>
          <h3 className="kern-heading-small">
            <Link href={`/gruppen/${group.id}`} className="kern-link">
              {group.name}
            </Link>
          </h3>
        </div>
        <div className="kern-card__body">
          {group.description && <p className="kern-body">{group.description}</p>}
          <p className="kern-body kern-body--small">
            {group.leadOrganization && <>{t('group.lead', { city: group.leadOrganization.name })} · </>}
            {t('group.memberCount', { count: group.memberCount })}
          </p>
          <JoinGroup group={group} myOrganizations={myOrganizations} onChanged={onChanged} />
        </div>
      </div>
    </div>
  );
}
