import { Button, Group, Tree, getTreeExpandedState, useTree } from '@mantine/core';
import { IconArrowsMaximize, IconArrowsMinimize } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TeamTree } from '../utils/build-team-tree';
import { TeamNode } from './TeamNode';

/** The collapsible team hierarchy; everything starts expanded (the demo has ~25 teams). */
export function OrgTree({ tree }: { tree: TeamTree }) {
  const { t } = useTranslation();
  const controller = useTree({ initialExpandedState: getTreeExpandedState(tree.data, '*') });
  return (
    <>
      <Group gap="xs" mb="md">
        <Button
          variant="default"
          size="xs"
          leftSection={<IconArrowsMaximize size={14} aria-hidden />}
          onClick={controller.expandAllNodes}
        >
          {t('orgChart.expandAll')}
        </Button>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconArrowsMinimize size={14} aria-hidden />}
          onClick={controller.collapseAllNodes}
        >
          {t('orgChart.collapseAll')}
        </Button>
      </Group>
      <Tree
        data={tree.data}
        tree={controller}
        levelOffset={32}
        withLines
        aria-label={t('orgChart.title')}
        renderNode={(payload) => <TeamNode payload={payload} info={tree.info.get(payload.node.value)} />}
      />
    </>
  );
}
