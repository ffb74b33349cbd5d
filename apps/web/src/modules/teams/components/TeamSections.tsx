import { Anchor, Card, DataList, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TeamQuery } from '../../../gql/graphql';
import { useFormatters } from '../../../platform/i18n/format';
import { Fact } from '../../shell/components/Fact';

type Team = TeamQuery['team'];

export function TeamFacts({ team }: { team: Team }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const none = (
    <Text span c="dimmed">
      {t('common.none')}
    </Text>
  );
  return (
    <Card withBorder padding="lg" h="100%">
      <Title order={2} size="h4" mb="md">
        {t('team.details')}
      </Title>
      <DataList labelWidth="150px" withDivider>
        <Fact label={t('team.manager')}>
          {team.manager ? (
            <Anchor component={Link} to={`/people/${team.manager.id}`}>
              {team.manager.displayName}
            </Anchor>
          ) : (
            none
          )}
        </Fact>
        <Fact label={t('team.parent')}>
          {team.parent ? (
            <Anchor component={Link} to={`/teams/${team.parent.id}`}>
              {team.parent.name}
            </Anchor>
          ) : (
            none
          )}
        </Fact>
        <Fact label={t('team.members')}>{format.number(team.memberCount)}</Fact>
      </DataList>
    </Card>
  );
}

export function SubTeams({ team }: { team: Team }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="md">
        {t('team.subTeams', { count: team.children.length })}
      </Title>
      {team.children.length === 0 ? (
        <Text c="dimmed">{t('team.noSubTeams')}</Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {team.children.map((child) => (
            <Group key={child.id} component="li" justify="space-between" wrap="nowrap">
              <div>
                <Anchor component={Link} to={`/teams/${child.id}`} fw={500}>
                  {child.name}
                </Anchor>
                {child.manager && (
                  <Text size="sm" c="dimmed">
                    {child.manager.displayName}
                  </Text>
                )}
              </div>
              <Text size="sm" c="dimmed">
                {t('team.memberCount', {
                  count: child.memberCount,
                  formatted: format.number(child.memberCount),
                })}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

export function SupportServices({ team }: { team: Team }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb={4}>
        {t('team.supportServices')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('team.supportServicesHint')}
      </Text>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {team.supportServices.map((service) => (
          <li key={service.id}>
            <Text fw={500}>{service.name}</Text>
            <Text size="sm" c="dimmed">
              {service.description}
            </Text>
          </li>
        ))}
      </Stack>
    </Card>
  );
}
