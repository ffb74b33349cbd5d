import { useMutation, useQuery } from '@apollo/client/react';
import {
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
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
  CreateCourseDocument,
  CreateTrainingSessionDocument,
  EnrolDocument,
  MyDevelopmentDocument,
  RateTrainingDocument,
  ReviewTeamsDocument,
  SetEnrolmentStatusDocument,
  TeamEnrolmentsDocument,
  TrainingDocument,
  type EnrolmentFieldsFragment,
} from '../../../gql/graphql';
import { useSession } from '../../../platform/auth/useSession';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { pendingRequests } from '../utils/actions';
import { ApiErrorAlert, useDevFormat } from './DevUi';

/** Courses and sessions: enrol, complete, rate; HR adds courses and sessions. */
export default function TrainingPage() {
  const { t } = useTranslation();
  const f = useDevFormat();
  const { person } = useSession();
  const isHr = person?.roles.some((r) => r === 'HR' || r === 'ADMIN') ?? false;
  const isManager = isHr || (person?.roles.includes('MANAGER') ?? false);
  const q = useQuery(TrainingDocument, { fetchPolicy: 'cache-and-network' });
  const [enrol, enrolState] = useMutation(EnrolDocument, { refetchQueries: [TrainingDocument] });
  const data = q.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('development.training.title')}
        description={t('development.training.description')}
      />
      {q.error && <QueryError error={q.error} onRetry={() => void q.refetch()} />}
      {q.loading && !data && <PageLoader />}
      {isManager && <EnrolmentRequests />}
      {data && (
        <>
          <Card withBorder padding="lg" component="section">
            <Title order={2} size="h4" mb="sm">
              {t('development.training.sessions')}
            </Title>
            <ApiErrorAlert error={enrolState.error} />
            <Table.ScrollContainer minWidth={760}>
              <Table striped data-testid="sessions">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('development.training.course')}</Table.Th>
                    <Table.Th>{t('development.training.dates')}</Table.Th>
                    <Table.Th>{t('development.training.trainer')}</Table.Th>
                    <Table.Th>{t('development.training.seats')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.trainingSessions.map((s) => (
                    <Table.Tr key={s.id} data-testid={`session-${s.courseTitle}`}>
                      <Table.Td>
                        {s.courseTitle}
                        <Text size="xs" c="dimmed">
                          {t('development.common.hours', { value: f.one(s.hours) })} · {s.location}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {f.dateTime(s.startsAt)} → {f.dateTime(s.endsAt)}
                      </Table.Td>
                      <Table.Td>{s.trainer}</Table.Td>
                      <Table.Td>
                        {s.seatsTaken} / {s.capacity}
                      </Table.Td>
                      <Table.Td>
                        {s.myStatus ? (
                          <Badge variant="light">{t(`development.enrolment.${s.myStatus}`)}</Badge>
                        ) : (
                          <Button
                            size="xs"
                            disabled={s.seatsTaken >= s.capacity}
                            onClick={() =>
                              void enrol({ variables: { input: { sessionId: s.id } } }).catch(() => undefined)
                            }
                            data-testid={`enrol-${s.id}`}
                          >
                            {s.seatsTaken >= s.capacity
                              ? t('development.training.full')
                              : t('development.training.enrol')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
          <MyEnrolments enrolments={data.enrolments} />
          <Card withBorder padding="lg" component="section">
            <Title order={2} size="h4" mb="sm">
              {t('development.training.courses')}
            </Title>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('development.training.course')}</Table.Th>
                  <Table.Th>{t('development.training.skill')}</Table.Th>
                  <Table.Th>{t('development.training.hours')}</Table.Th>
                  <Table.Th>{t('development.training.csat')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.courses.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.title}</Table.Td>
                    <Table.Td>{c.skillName ?? '—'}</Table.Td>
                    <Table.Td>{f.one(c.hours)}</Table.Td>
                    <Table.Td>
                      {c.csat === null
                        ? t('development.common.hidden')
                        : `${f.percent(c.csat)} (${t('development.training.ratings', { count: c.ratings ?? 0 })})`}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          {isHr && <HrTraining courses={data.courses} onDone={() => void q.refetch()} />}
        </>
      )}
    </Stack>
  );
}

/** Requested enrolments of a team of the viewer's line (sessions that need approval): approve or reject. */
function EnrolmentRequests() {
  const { t } = useTranslation();
  const f = useDevFormat();
  const teams = useQuery(ReviewTeamsDocument);
  const [teamId, setTeamId] = useState<string | null>(null);
  const id = teamId ?? teams.data?.developmentReviewTeams[0]?.id ?? null;
  const q = useQuery(TeamEnrolmentsDocument, {
    variables: { teamId: id ?? '' },
    skip: !id,
    fetchPolicy: 'cache-and-network',
  });
  const [setStatus, state] = useMutation(SetEnrolmentStatusDocument, {
    refetchQueries: [TeamEnrolmentsDocument, TrainingDocument],
    awaitRefetchQueries: true,
  });
  const decide = (enrolmentId: string, status: 'APPROVED' | 'REJECTED') =>
    void setStatus({ variables: { input: { enrolmentId, status } } }).catch(() => undefined);
  const requests = pendingRequests(q.data?.enrolments ?? []);
  return (
    <Card withBorder padding="lg" component="section">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('development.training.requests')}
        </Title>
        <Select
          aria-label={t('development.common.team')}
          searchable
          data={(teams.data?.developmentReviewTeams ?? []).map((x) => ({ value: x.id, label: x.name }))}
          value={id}
          onChange={setTeamId}
          data-testid="requests-team"
          allowDeselect={false}
        />
      </Group>
      {q.error && <QueryError error={q.error} onRetry={() => void q.refetch()} />}
      <ApiErrorAlert error={state.error} />
      {requests.length === 0 ? (
        q.data && (
          <Text c="dimmed" data-testid="no-requests">
            {t('development.training.noRequests')}
          </Text>
        )
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="enrolment-requests">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('development.plans.person')}</Table.Th>
                <Table.Th>{t('development.training.course')}</Table.Th>
                <Table.Th>{t('development.training.dates')}</Table.Th>
                <Table.Th>{t('development.training.requestedOn')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {requests.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.personName}</Table.Td>
                  <Table.Td>{e.courseTitle}</Table.Td>
                  <Table.Td>
                    {f.dateTime(e.startsAt)} → {f.dateTime(e.endsAt)}
                  </Table.Td>
                  <Table.Td>{f.dateTime(e.requestedAt)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        disabled={state.loading}
                        onClick={() => decide(e.id, 'APPROVED')}
                        data-testid="request-approve"
                      >
                        {t('development.training.approve')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        color="red"
                        disabled={state.loading}
                        onClick={() => decide(e.id, 'REJECTED')}
                        data-testid="request-reject"
                      >
                        {t('development.training.reject')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

/** The viewer's enrolments: complete a started session, cancel, rate a completed one. */
export function MyEnrolments({ enrolments }: { enrolments: readonly EnrolmentFieldsFragment[] }) {
  const { t } = useTranslation();
  const f = useDevFormat();
  const [setStatus, state] = useMutation(SetEnrolmentStatusDocument, {
    refetchQueries: [TrainingDocument, MyDevelopmentDocument],
  });
  const move = (id: string, status: 'COMPLETED' | 'CANCELLED') =>
    void setStatus({ variables: { input: { enrolmentId: id, status } } }).catch(() => undefined);
  return (
    <Card withBorder padding="lg" component="section">
      <Title order={2} size="h4" mb="sm">
        {t('development.training.myEnrolments')}
      </Title>
      <ApiErrorAlert error={state.error} />
      {enrolments.length === 0 ? (
        <Text c="dimmed">{t('development.common.none')}</Text>
      ) : (
        <Stack gap="xs" data-testid="my-enrolments">
          {enrolments.map((e) => {
            const started = new Date(e.startsAt).getTime() <= Date.now();
            return (
              <Group key={e.id} justify="space-between" data-testid={`enrolment-${e.courseTitle}`}>
                <Stack gap={0}>
                  <Text fw={500}>{e.courseTitle}</Text>
                  <Text size="xs" c="dimmed">
                    {f.dateTime(e.startsAt)}
                    {e.hours !== null && ` · ${t('development.common.hours', { value: f.one(e.hours) })}`}
                  </Text>
                </Stack>
                <Group gap="xs">
                  <Badge variant="light" data-testid="enrolment-status">
                    {t(`development.enrolment.${e.status}`)}
                  </Badge>
                  {(e.status === 'APPROVED' || e.status === 'ATTENDED') && started && (
                    <Button
                      size="xs"
                      onClick={() => move(e.id, 'COMPLETED')}
                      data-testid="enrolment-complete"
                    >
                      {t('development.training.complete')}
                    </Button>
                  )}
                  {(e.status === 'APPROVED' || e.status === 'REQUESTED') && !started && (
                    <Button size="xs" variant="default" onClick={() => move(e.id, 'CANCELLED')}>
                      {t('development.training.cancel')}
                    </Button>
                  )}
                  {e.feedbackStatus === 'PENDING' && <RateTraining enrolmentId={e.id} />}
                  {e.feedbackStatus === 'RATED' && (
                    <Badge color="teal">{t('development.training.rated')}</Badge>
                  )}
                </Group>
              </Group>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}

function RateTraining({ enrolmentId }: { enrolmentId: string }) {
  const { t } = useTranslation();
  const [csat, setCsat] = useState(0);
  const [rate, state] = useMutation(RateTrainingDocument, {
    refetchQueries: [TrainingDocument, MyDevelopmentDocument],
  });
  return (
    <Group gap="xs" data-testid="rate-training">
      <Text size="xs">{t('development.training.rate')}</Text>
      <SegmentedControl
        size="xs"
        aria-label={t('development.training.rate')}
        data={['1', '2', '3', '4', '5']}
        value={csat ? String(csat) : ''}
        onChange={(v) => setCsat(Number(v))}
        data-testid="rate-csat"
      />
      <Button
        size="xs"
        disabled={!csat}
        loading={state.loading}
        onClick={() => void rate({ variables: { input: { enrolmentId, csat } } }).catch(() => undefined)}
        data-testid="rate-submit"
      >
        {t('development.training.send')}
      </Button>
    </Group>
  );
}

function HrTraining({
  courses,
  onDone,
}: {
  courses: readonly { id: string; title: string }[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [hours, setHours] = useState<number | string>(7);
  const [courseId, setCourseId] = useState<string | null>(null);
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [trainer, setTrainer] = useState('');
  const [capacity, setCapacity] = useState<number | string>(12);
  const [createCourse, c] = useMutation(CreateCourseDocument);
  const [createSession, s] = useMutation(CreateTrainingSessionDocument);
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="sm">
          {t('development.training.newCourse')}
        </Title>
        <Stack gap="sm">
          <TextInput
            label={t('development.training.course')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <NumberInput
            label={t('development.training.hours')}
            value={hours}
            onChange={setHours}
            min={0.25}
            step={0.5}
          />
          <ApiErrorAlert error={c.error} />
          <Button
            onClick={() =>
              void createCourse({ variables: { input: { title, hours: Number(hours) } } })
                .then(() => {
                  setTitle('');
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
          {t('development.training.newSession')}
        </Title>
        <Stack gap="sm">
          <Select
            label={t('development.training.course')}
            data={courses.map((x) => ({ value: x.id, label: x.title }))}
            value={courseId}
            onChange={setCourseId}
          />
          <Group grow>
            <TextInput
              type="datetime-local"
              label={t('development.training.starts')}
              value={startsAt}
              onChange={(e) => setStartsAt(e.currentTarget.value)}
            />
            <TextInput
              type="datetime-local"
              label={t('development.training.ends')}
              value={endsAt}
              onChange={(e) => setEndsAt(e.currentTarget.value)}
            />
          </Group>
          <Group grow>
            <TextInput
              label={t('development.training.trainer')}
              value={trainer}
              onChange={(e) => setTrainer(e.currentTarget.value)}
            />
            <NumberInput
              label={t('development.training.capacity')}
              value={capacity}
              onChange={setCapacity}
              min={1}
            />
          </Group>
          <ApiErrorAlert error={s.error} />
          <Button
            onClick={() =>
              void createSession({
                variables: {
                  input: {
                    courseId: courseId ?? '',
                    startsAt: startsAt ? new Date(startsAt).toISOString() : '',
                    endsAt: endsAt ? new Date(endsAt).toISOString() : '',
                    trainer,
                    capacity: Number(capacity),
                  },
                },
              })
                .then(onDone)
                .catch(() => undefined)
            }
          >
            {t('development.common.add')}
          </Button>
        </Stack>
      </Card>
    </SimpleGrid>
  );
}
