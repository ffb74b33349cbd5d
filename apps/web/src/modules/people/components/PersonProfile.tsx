import { Anchor, Avatar, Card, DataList, Grid, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonQuery } from '../../../gql/graphql';
import { useFormatters } from '../../../platform/i18n/format';
import { Fact } from '../../shell/components/Fact';
import { usePageTitle } from '../../shell/hooks/usePageTitle';
import { LeavingCard } from './LeavingCard';
import { PayCard } from './PayCard';
import { PersonLinkList } from './PersonLinkList';
import { RoleBadges } from './RoleBadges';

type Person = PersonQuery['person'];

interface PersonProfileProps {
  person: Person;
  /** Extra cards for the side column (e.g. preferences on one's own profile). */
  aside?: ReactNode;
}

/** A person's page: identity, place in the organisation, reports, and pay when allowed. */
export function PersonProfile({ person, aside }: PersonProfileProps) {
  const { t } = useTranslation();
  usePageTitle(person.displayName);
  const position = person.jobTitle ?? person.position?.title ?? null;
  return (
    <Stack gap="lg" maw={1100}>
      <Group gap="lg" wrap="nowrap" align="center">
        <Avatar name={person.displayName} color="initials" size={72} radius="xl" aria-hidden />
        <Stack gap={6}>
          <Title order={1} data-testid="person-name">
            {person.displayName}
          </Title>
          {position && (
            <Text size="lg" c="dimmed">
              {position}
            </Text>
          )}
          <RoleBadges roles={person.roles} />
        </Stack>
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <PersonFacts person={person} />
            <Card withBorder padding="lg">
              <Title order={2} size="h4" mb="md">
                {t('person.directReports', { count: person.directReports.length })}
              </Title>
              {person.directReports.length > 0 ? (
                <PersonLinkList people={person.directReports} />
              ) : (
                <Text c="dimmed">{t('person.noDirectReports')}</Text>
              )}
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            {person.canViewPay && <PayCard personId={person.id} />}
            {person.canViewPay && <LeavingCard personId={person.id} hireDate={person.hireDate} />}
            {aside}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function PersonFacts({ person }: { person: Person }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const none = (
    <Text span c="dimmed">
      {t('common.none')}
    </Text>
  );
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="md">
        {t('person.details')}
      </Title>
      <DataList labelWidth="160px" withDivider>
        <Fact label={t('person.team')}>
          {person.team ? (
            <Anchor component={Link} to={`/teams/${person.team.id}`}>
              {person.team.name}
            </Anchor>
          ) : (
            none
          )}
        </Fact>
        <Fact label={t('person.manager')}>
          {person.manager ? (
            <Anchor component={Link} to={`/people/${person.manager.id}`}>
              {person.manager.displayName}
            </Anchor>
          ) : (
            none
          )}
        </Fact>
        {person.position && (
          <Fact label={t('person.position')}>
            {t('person.positionValue', {
              title: person.position.title,
              level: person.position.level,
              track: person.position.track,
            })}
          </Fact>
        )}
        <Fact label={t('person.hireDate')}>{format.date(person.hireDate)}</Fact>
        <Fact label={t('person.fte')}>{format.fte(person.fte)}</Fact>
        <Fact label={t('person.email')}>
          {person.email ? <Anchor href={`mailto:${person.email}`}>{person.email}</Anchor> : none}
        </Fact>
      </DataList>
    </Card>
  );
}
