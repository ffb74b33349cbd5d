import { Alert, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, type Location } from 'react-router';
import { useSession } from '../../../platform/auth/useSession';
import { BrandMark } from '../../shell/components/BrandMark';
import { LanguageMenu } from '../../shell/components/LanguageMenu';
import { PageLoader } from '../../shell/components/PageLoader';
import { usePageTitle } from '../../shell/hooks/usePageTitle';
import { LoginForm } from './LoginForm';

function returnPath(state: unknown): string {
  const from = (state as { from?: Partial<Location> } | null)?.from;
  if (!from?.pathname || from.pathname === '/login') return '/';
  return `${from.pathname}${from.search ?? ''}${from.hash ?? ''}`;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  usePageTitle(t('login.title'));

  if (session.status === 'restoring') return <PageLoader fullScreen />;
  if (session.status === 'authenticated') return <Navigate to={returnPath(location.state)} replace />;

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)" component="main">
      <Stack w="100%" maw={420} gap="lg">
        <Group justify="space-between">
          <BrandMark size="lg" />
          <LanguageMenu />
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="lg">
          <Title order={1} size="h2" mb={4}>
            {t('login.title')}
          </Title>
          <Text c="dimmed" size="sm" mb="lg">
            {t('login.subtitle')}
          </Text>
          {session.signOutReason && (
            <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />} mb="md" role="status">
              {session.signOutReason === 'expired' ? t('login.sessionExpired') : t('login.loggedOut')}
            </Alert>
          )}
          <LoginForm />
        </Paper>
        <Text size="xs" c="dimmed" ta="center">
          {t('login.footer')}
        </Text>
      </Stack>
    </Center>
  );
}
