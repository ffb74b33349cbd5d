import { Button, EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../hooks/usePageTitle';

interface StatusPageProps {
  icon: ReactNode;
  title: string;
  description: string;
}

/** Full-page message (not found, no access) with a way back home. */
export function StatusPage({ icon, title, description }: StatusPageProps) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <EmptyState
      mt="xl"
      icon={icon}
      withIndicatorBackground
      title={<h1 style={{ margin: 0, fontSize: 'inherit' }}>{title}</h1>}
      description={description}
    >
      <EmptyState.Actions>
        <Button component={Link} to="/">
          {t('common.backHome')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
