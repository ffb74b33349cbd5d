import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Modal,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeKeyFragment } from '../../../gql/graphql';
import { useFormatters } from '../../../platform/i18n/format';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { useApiErrorMessage } from '../../shell/hooks/useApiErrorMessage';
import { useIntakeApiKeys } from '../hooks/useIntake';
import { intakeCurlExample, periodStartOf } from '../utils/mirror';

const ENDPOINT = '/api/intake/customer-metrics';

function Copy({ value, label, testId }: { value: string; label: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? t('mirror.intake.keys.copied') : label} withinPortal>
          <ActionIcon
            variant="default"
            onClick={copy}
            aria-label={copied ? t('mirror.intake.keys.copied') : label}
            data-testid={testId}
          >
            {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

/** Keys a CRM uses to push figures: created here (the key is shown once), revoked after confirmation. */
export function ApiKeysCard() {
  const { t } = useTranslation();
  const format = useFormatters();
  const describeError = useApiErrorMessage();
  const { keys, loading, error, refetch, create, creating, revoke, revoking } = useIntakeApiKeys();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [toRevoke, setToRevoke] = useState<IntakeKeyFragment | null>(null);
  const origin = window.location.origin;

  const onCreate = async () => {
    setActionError(null);
    try {
      const result = await create(name.trim());
      if (result) {
        setCreated({ key: result.key, name: result.apiKey.name });
        setName('');
      }
    } catch (caught) {
      setActionError(caught);
    }
  };
  const onRevoke = async () => {
    if (!toRevoke) return;
    setActionError(null);
    try {
      await revoke(toRevoke.id);
    } catch (caught) {
      setActionError(caught);
    }
    setToRevoke(null);
  };
  const curl = intakeCurlExample(
    origin,
    created?.key ?? '<key>',
    t('mirror.intake.csv.templateTeam'),
    periodStartOf('MONTH', new Date()),
  );

  return (
    <Card withBorder padding="lg" data-testid="intake-keys">
      <Title order={2} size="h4" mb={4}>
        {t('mirror.intake.keys.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('mirror.intake.keys.description')} <Code>POST {ENDPOINT}</Code>
      </Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim()) void onCreate();
        }}
      >
        <Group align="flex-end" gap="sm" mb="md">
          <TextInput
            label={t('mirror.intake.keys.name')}
            placeholder={t('mirror.intake.keys.namePlaceholder')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            maxLength={100}
            style={{ flex: '1 1 260px' }}
            data-testid="intake-key-name"
          />
          <Button
            type="submit"
            leftSection={<IconKey size={16} aria-hidden />}
            disabled={!name.trim()}
            loading={creating}
            data-testid="intake-key-create"
          >
            {t('mirror.intake.keys.create')}
          </Button>
        </Group>
      </form>
      {actionError !== null && (
        <Text c="red" size="sm" mb="sm" role="alert">
          {describeError(actionError)}
        </Text>
      )}
      {created && (
        <Alert
          color="yellow"
          variant="light"
          mb="md"
          title={t('mirror.intake.keys.newKeyTitle', { name: created.name })}
          data-testid="intake-key-created"
        >
          <Text size="sm" mb="xs">
            {t('mirror.intake.keys.newKeyBody')}
          </Text>
          <Group gap="xs" wrap="nowrap" mb="sm">
            <Code style={{ wordBreak: 'break-all' }} data-testid="intake-key-value">
              {created.key}
            </Code>
            <Copy value={created.key} label={t('mirror.intake.keys.copy')} testId="intake-key-copy" />
          </Group>
          <Text size="sm" fw={600} mb={4}>
            {t('mirror.intake.keys.curlTitle')}
          </Text>
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <Code block style={{ flex: 1, overflowX: 'auto' }} data-testid="intake-key-curl">
              {curl}
            </Code>
            <Copy value={curl} label={t('mirror.intake.keys.copyCurl')} testId="intake-key-copy-curl" />
          </Group>
          <Button variant="default" size="xs" mt="sm" onClick={() => setCreated(null)}>
            {t('mirror.intake.keys.done')}
          </Button>
        </Alert>
      )}
      {!keys && loading ? (
        <PageLoader />
      ) : !keys ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : keys.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('mirror.intake.keys.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table fz="sm" verticalSpacing={6} striped>
            <caption style={{ captionSide: 'top', textAlign: 'left' }}>
              <Text span size="xs" c="dimmed">
                {t('mirror.intake.keys.caption')}
              </Text>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('mirror.intake.keys.name')}</Table.Th>
                <Table.Th scope="col">{t('mirror.intake.keys.key')}</Table.Th>
                <Table.Th scope="col">{t('mirror.intake.keys.created')}</Table.Th>
                <Table.Th scope="col">{t('mirror.intake.keys.lastUsed')}</Table.Th>
                <Table.Th scope="col">{t('mirror.intake.keys.status')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('mirror.intake.keys.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.map((key) => (
                <Table.Tr
                  key={key.id}
                  data-testid="intake-key-row"
                  data-revoked={key.revokedAt ? 'true' : 'false'}
                >
                  <Table.Th scope="row" fw={500}>
                    {key.name}
                  </Table.Th>
                  <Table.Td>
                    <Code>{`sym_${key.prefix}_…`}</Code>
                  </Table.Td>
                  <Table.Td>{format.dateTime(key.createdAt)}</Table.Td>
                  <Table.Td>
                    {key.lastUsedAt ? format.dateTime(key.lastUsedAt) : t('mirror.intake.keys.never')}
                  </Table.Td>
                  <Table.Td>
                    {key.revokedAt ? (
                      <Badge color="gray" variant="light" tt="none">
                        {t('mirror.intake.keys.revoked', { date: format.dateTime(key.revokedAt) })}
                      </Badge>
                    ) : (
                      <Badge color="teal" variant="light" tt="none">
                        {t('mirror.intake.keys.active')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {!key.revokedAt && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setToRevoke(key)}
                        aria-label={t('mirror.intake.keys.revokeNamed', { name: key.name })}
                        data-testid="intake-key-revoke"
                      >
                        {t('mirror.intake.keys.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={toRevoke !== null}
        onClose={() => setToRevoke(null)}
        title={t('mirror.intake.keys.revokeTitle')}
        centered
      >
        <Text mb="lg">{t('mirror.intake.keys.revokeBody', { name: toRevoke?.name ?? '' })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setToRevoke(null)}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={revoking}
            onClick={() => void onRevoke()}
            data-testid="intake-key-revoke-confirm"
          >
            {t('mirror.intake.keys.revokeConfirm')}
          </Button>
        </Group>
      </Modal>
    </Card>
  );
}
