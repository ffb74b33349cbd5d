import { useMutation, useQuery } from '@apollo/client/react';
import {
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CreateSkillDocument,
  ReviewTeamsDocument,
  SetPositionSkillDocument,
  SkillsCatalogueDocument,
  SkillsMatrixDocument,
} from '../../../gql/graphql';
import { useSession } from '../../../platform/auth/useSession';
import { PageHeader } from '../../shell/components/PageHeader';
import { QueryError } from '../../shell/components/QueryError';
import { ApiErrorAlert, heatColor, useDevFormat } from './DevUi';

/** Skills catalogue, required levels per position, career tracks, and a team's skills matrix. */
export default function SkillsPage() {
  const { t } = useTranslation();
  const { person } = useSession();
  const isHr = person?.roles.some((r) => r === 'HR' || r === 'ADMIN') ?? false;
  const isManager = isHr || (person?.roles.includes('MANAGER') ?? false);
  const q = useQuery(SkillsCatalogueDocument);
  const data = q.data;
  return (
    <Stack gap="lg">
      <PageHeader title={t('development.skills.title')} description={t('development.skills.description')} />
      {q.error && <QueryError error={q.error} onRetry={() => void q.refetch()} />}
      {isManager && <TeamMatrix />}
      {data && (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Card withBorder padding="lg">
            <Title order={2} size="h4" mb="sm">
              {t('development.skills.requirements')}
            </Title>
            <Table striped>
              <Table.Tbody>
                {data.positionSkills.map((p) => (
                  <Table.Tr key={`${p.positionId}-${p.skillId}`}>
                    <Table.Td>{p.positionTitle}</Table.Td>
                    <Table.Td>{p.skillName}</Table.Td>
                    <Table.Td>{t('development.skills.levelN', { level: p.requiredLevel })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          <Card withBorder padding="lg">
            <Title order={2} size="h4" mb="sm">
              {t('development.skills.tracks')}
            </Title>
            <Stack gap="sm">
              {data.careerTracks.map((track) => (
                <Stack key={track.name} gap={4}>
                  <Text fw={600}>{track.name}</Text>
                  <Group gap="xs">
                    {track.positions.map((p) => (
                      <Badge key={p.id} variant="light">
                        {t('development.skills.position', {
                          title: p.title,
                          level: p.level,
                          count: p.headcount,
                        })}
                      </Badge>
                    ))}
                  </Group>
                </Stack>
              ))}
            </Stack>
          </Card>
        </SimpleGrid>
      )}
      {isHr && data && (
        <HrSkills
          skills={data.skills}
          positions={data.careerTracks.flatMap((x) => x.positions)}
          onDone={() => void q.refetch()}
        />
      )}
    </Stack>
  );
}

function TeamMatrix() {
  const { t } = useTranslation();
  const f = useDevFormat();
  const teams = useQuery(ReviewTeamsDocument);
  const [teamId, setTeamId] = useState<string | null>(null);
  const id = teamId ?? teams.data?.developmentReviewTeams[0]?.id ?? null;
  const m = useQuery(SkillsMatrixDocument, { variables: { teamId: id ?? '' }, skip: !id });
  const matrix = m.data?.skillsMatrix;
  return (
    <Card withBorder padding="lg" component="section">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('development.skills.matrix')}
        </Title>
        <Select
          aria-label={t('development.common.team')}
          searchable
          data={(teams.data?.developmentReviewTeams ?? []).map((x) => ({ value: x.id, label: x.name }))}
          value={id}
          onChange={setTeamId}
        />
      </Group>
      {m.error && <QueryError error={m.error} onRetry={() => void m.refetch()} />}
      {matrix && (
        <Table.ScrollContainer minWidth={800}>
          <Table withColumnBorders fz="xs" data-testid="skills-matrix">
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                {matrix.skills.map((s) => (
                  <Table.Th key={s.id}>{s.name}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {matrix.rows.map((r) => (
                <Table.Tr key={r.personId}>
                  <Table.Td>
                    {r.personName}
                    <Text size="xs" c="dimmed">
                      {r.positionTitle}
                    </Text>
                  </Table.Td>
                  {r.levels.map((level, i) => {
                    const req = r.required[i];
                    const ok = !req || (level ?? 0) >= req;
                    return (
                      <Table.Td
                        key={i}
                        style={{
                          background: req ? (ok ? heatColor(90) : heatColor(20)) : undefined,
                          textAlign: 'center',
                        }}
                      >
                        {level ?? '·'}
                        {req ? ` / ${req}` : ''}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td fw={600}>{t('development.skills.coverage')}</Table.Td>
                {matrix.coverage.map((c, i) => (
                  <Table.Td key={i} style={{ background: heatColor(c), textAlign: 'center' }} fw={600}>
                    {f.percent(c)}
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

function HrSkills({
  skills,
  positions,
  onDone,
}: {
  skills: readonly { id: string; name: string }[];
  positions: readonly { id: string; title: string }[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [category, setCategory] = useState('');
  const [positionId, setPositionId] = useState<string | null>(null);
  const [skillId, setSkillId] = useState<string | null>(null);
  const [level, setLevel] = useState<string | null>('2');
  const [create, c] = useMutation(CreateSkillDocument);
  const [set, s] = useMutation(SetPositionSkillDocument);
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="sm">
          {t('development.skills.newSkill')}
        </Title>
        <Stack gap="sm">
          <TextInput
            label={t('development.skills.skill')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <TextInput
            label={t('development.skills.category')}
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value)}
          />
          <ApiErrorAlert error={c.error} />
          <Button
            onClick={() =>
              void create({ variables: { input: { name, category } } })
                .then(() => {
                  setName('');
                  onDone();
                })
                .catch(() => undefined)
            }
          >
            {t('development.common.add')}
          </Button>
        </Stack>
      </Card>
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="sm">
          {t('development.skills.setRequirement')}
        </Title>
        <Stack gap="sm">
          <Select
            label={t('development.common.position')}
            data={positions.map((p) => ({ value: p.id, label: p.title }))}
            value={positionId}
            onChange={setPositionId}
          />
          <Select
            label={t('development.skills.skill')}
            data={skills.map((p) => ({ value: p.id, label: p.name }))}
            value={skillId}
            onChange={setSkillId}
          />
          <Select
            label={t('development.skills.required')}
            data={['1', '2', '3', '4']}
            value={level}
            onChange={setLevel}
            clearable
          />
          <ApiErrorAlert error={s.error} />
          <Button
            onClick={() =>
              void set({
                variables: {
                  input: {
                    positionId: positionId ?? '',
                    skillId: skillId ?? '',
                    requiredLevel: level ? Number(level) : null,
                  },
                },
              })
                .then(onDone)
                .catch(() => undefined)
            }
          >
            {t('development.common.save')}
          </Button>
        </Stack>
      </Card>
    </SimpleGrid>
  );
}
