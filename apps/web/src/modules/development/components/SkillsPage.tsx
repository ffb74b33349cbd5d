import { useMutation, useQuery } from '@apollo/client/react';
import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AssessSkillDocument,
  CreateSkillDocument,
  ReviewTeamsDocument,
  SetPositionSkillDocument,
  SkillsCatalogueDocument,
  SkillsMatrixDocument,
} from '../../../gql/graphql';
import { useSession } from '../../../platform/auth/useSession';
import { PageHeader } from '../../shell/components/PageHeader';
import { QueryError } from '../../shell/components/QueryError';
import { cellState } from '../utils/actions';
import { ApiErrorAlert, heatColor, useDevFormat } from './DevUi';

interface AssessTarget {
  personId: string;
  personName: string;
  skillId: string;
  skillName: string;
  level: number | null;
  required: number | null;
}

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
  const { person } = useSession();
  const teams = useQuery(ReviewTeamsDocument);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [target, setTarget] = useState<AssessTarget | null>(null);
  const id = teamId ?? teams.data?.developmentReviewTeams[0]?.id ?? null;
  const m = useQuery(SkillsMatrixDocument, { variables: { teamId: id ?? '' }, skip: !id });
  const matrix = m.data?.skillsMatrix;
  return (
    <Card withBorder padding="lg" component="section">
      <Group justify="space-between" mb="sm">
        <Stack gap={0}>
          <Title order={2} size="h4">
            {t('development.skills.matrix')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('development.skills.assessHint')}
          </Text>
        </Stack>
        <Select
          aria-label={t('development.common.team')}
          searchable
          data={(teams.data?.developmentReviewTeams ?? []).map((x) => ({ value: x.id, label: x.name }))}
          value={id}
          onChange={setTeamId}
          data-testid="matrix-team"
          allowDeselect={false}
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
                    const state = cellState(level, req);
                    const skill = matrix.skills[i];
                    const text = `${level ?? '·'}${req ? ` / ${req}` : ''}`;
                    return (
                      <Table.Td
                        key={i}
                        p={0}
                        style={{
                          background: state === 'none' ? undefined : heatColor(state === 'met' ? 90 : 20),
                          textAlign: 'center',
                        }}
                      >
                        {r.personId === person?.id ? (
                          text
                        ) : (
                          <UnstyledButton
                            w="100%"
                            py={6}
                            ta="center"
                            fz="xs"
                            aria-label={t('development.skills.assessCell', {
                              person: r.personName,
                              skill: skill.name,
                            })}
                            data-testid="matrix-cell"
                            onClick={() =>
                              setTarget({
                                personId: r.personId,
                                personName: r.personName,
                                skillId: skill.id,
                                skillName: skill.name,
                                level,
                                required: req,
                              })
                            }
                          >
                            {text}
                          </UnstyledButton>
                        )}
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
      {target && (
        <AssessModal
          key={`${target.personId}-${target.skillId}`}
          target={target}
          onClose={() => setTarget(null)}
        />
      )}
    </Card>
  );
}

/** A manager's assessment of someone of their line on one skill (the API records it as MANAGER). */
function AssessModal({ target, onClose }: { target: AssessTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const [level, setLevel] = useState(target.level ? String(target.level) : '');
  const [note, setNote] = useState('');
  const [assess, state] = useMutation(AssessSkillDocument, {
    refetchQueries: [SkillsMatrixDocument],
    awaitRefetchQueries: true,
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('development.skills.assessTitle', { person: target.personName })}
    >
      <Stack gap="sm" data-testid="assess-modal">
        <Text fw={600}>{target.skillName}</Text>
        <Text size="sm" c="dimmed">
          {target.level
            ? t('development.skills.levelN', { level: target.level })
            : t('development.skills.notAssessed')}
          {target.required ? ` · ${t('development.skills.required')}: ${target.required}` : ''}
        </Text>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('development.skills.level')}
          </Text>
          <SegmentedControl
            aria-label={t('development.skills.level')}
            data={['1', '2', '3', '4']}
            value={level}
            onChange={setLevel}
            data-testid="assess-level"
          />
          <Text size="xs" c="dimmed">
            {t('development.skills.levelScale')}
          </Text>
        </Stack>
        <Textarea
          label={t('development.skills.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          data-testid="assess-note"
        />
        <ApiErrorAlert error={state.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('development.training.cancel')}
          </Button>
          <Button
            disabled={!level}
            loading={state.loading}
            data-testid="assess-submit"
            onClick={() =>
              void assess({
                variables: {
                  input: { personId: target.personId, skillId: target.skillId, level: Number(level), note },
                },
              })
                .then(onClose)
                .catch(() => undefined)
            }
          >
            {t('development.common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
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
