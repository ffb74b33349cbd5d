import { Anchor, Group, Text, type RenderTreeNodePayload } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../platform/i18n/format';
import { TeamKindBadge } from '../../teams/components/TeamKindBadge';
import type { TeamNodeInfo } from '../utils/build-team-tree';
import classes from './TeamNode.module.css';

interface TeamNodeProps {
  payload: RenderTreeNodePayload;
  info: TeamNodeInfo | undefined;
}

/** One team in the chart: name (link), kind, manager, head counts. */
export function TeamNode({ payload, info }: TeamNodeProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { node, expanded, hasChildren, elementProps } = payload;
  return (
    <Group gap="xs" wrap="nowrap" {...elementProps} className={`${elementProps.className} ${classes.node}`}>
      <span className={classes.toggle} aria-hidden>
        {hasChildren && (
          <IconChevronRight
            size={16}
            style={{ transform: expanded ? 'rotate(90deg)' : 'none', transition: 'transform 150ms' }}
          />
        )}
      </span>
      <Anchor
        component={Link}
        to={`/teams/${node.value}`}
        fw={600}
        onClick={(event) => event.stopPropagation()}
      >
        {node.label}
      </Anchor>
      {info && (
        <>
          <TeamKindBadge kind={info.team.kind} />
          <Text size="sm" c="dimmed" truncate>
            {info.team.manager ? info.team.manager.displayName : t('orgChart.noManager')}
          </Text>
          <Text size="sm" c="dimmed" ml="auto" className={classes.counts}>
            {info.subTeamCount > 0
              ? t('orgChart.countsWithSubTeams', {
                  count: info.team.memberCount,
                  members: format.number(info.team.memberCount),
                  total: format.number(info.totalMembers),
                })
              : t('orgChart.counts', {
                  count: info.team.memberCount,
                  members: format.number(info.team.memberCount),
                })}
          </Text>
        </>
      )}
    </Group>
  );
}
