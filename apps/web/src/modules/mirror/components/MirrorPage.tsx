import '@mantine/charts/styles.css';
import { Alert, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconRefresh } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodKind } from '../../../gql/graphql';
import { useSession } from '../../../platform/auth/useSession';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { useOrganization } from '../../shell/hooks/useOrganization';
import { useVocabulary } from '../../shell/hooks/useVocabulary';
import { ACCESS, hasAnyRole } from '../../shell/utils/access';
import { useMirror, useMirrorParams, useRefreshInternalMetrics } from '../hooks/useMirror';
import { useMirrorFormat } from '../hooks/useMirrorFormat';
import { localDateIn } from '../../../platform/time/local-date';
import { heatmapGrid, PERIOD_KINDS, pickablePeriods, type MirrorView } from '../utils/mirror';
import { MirrorHeatmap } from './MirrorHeatmap';
import { PairCard } from './PairCard';
import { SupportServicesMirror } from './SupportServicesMirror';

/** Customers beside employees, pair by pair: for the organisation (or a manager's line) or one team. */
export default function MirrorPage() {
  const { t } = useTranslation();
  const { context } = useVocabulary();
  const params = useMirrorParams();
  const { scopeView, view, loading, error, refetch } = useMirror(params.kind, params.period, params.teamId);
  const teams = useMemo(() => (scopeView ? heatmapGrid(scopeView.heatmap).teams : []), [scopeView]);
  const header = <PageHeader title={t('mirror.title')} description={t('mirror.description', { context })} />;

  if (!scopeView && loading) return <PageLoader />;
  if (!scopeView) {
    return (
      <Stack gap="lg" maw={1200}>
        {header}
        <QueryError error={error} onRetry={() => void refetch()} />
      </Stack>
    );
  }
  const teamName = teams.find((team) => team.id === params.teamId)?.name ?? null;
  return (
    <Stack gap="lg" maw={1200} aria-busy={loading}>
      {header}
      <MirrorControls
        kind={params.kind}
        period={params.period}
        teamId={params.teamId}
        teams={teams}
        onChange={params.update}
      />
      {error !== undefined && <QueryError error={error} onRetry={() => void refetch()} />}
      <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
        {t('mirror.kNotice', { count: scopeView.k })}
      </Alert>
      {view ? <PairsSection view={view} teamName={teamName} /> : <PageLoader />}
      <MirrorHeatmap
        view={scopeView}
        selectedTeamId={params.teamId}
        onPickTeam={(teamId) => params.update({ teamId })}
      />
      <SupportServicesMirror teams={teams} />
    </Stack>
  );
}

function PairsSection({ view, teamName }: { view: MirrorView; teamName: string | null }) {
  const { t } = useTranslation();
  const format = useMirrorFormat();
  const latest = view.periods[view.periods.length - 1] ?? '';
  return (
    <section aria-labelledby="mirror-pairs-heading">
      <Title order={2} size="h3" mb="sm" id="mirror-pairs-heading" data-testid="mirror-scope-title">
        {teamName
          ? t('mirror.pairsTitleTeam', { team: teamName, period: format.period(view.periodKind, latest) })
          : t('mirror.pairsTitle', { period: format.period(view.periodKind, latest) })}
      </Title>
      {view.pairs.length === 0 ? (
        <Text c="dimmed">{t('mirror.noPairs')}</Text>
      ) : (
        <Stack gap="lg">
          {view.pairs.map((pair) => (
            <PairCard key={pair.key} pair={pair} kind={view.periodKind} teams={view.heatmap} />
          ))}
        </Stack>
      )}
    </section>
  );
}

interface MirrorControlsProps {
  kind: PeriodKind;
  period: string | null;
  teamId: string | null;
  teams: readonly { id: string; name: string }[];
  onChange(changes: { kind?: PeriodKind; period?: string | null; teamId?: string | null }): void;
}

/** Period kind, latest period and scope; HR can also recompute the internal figures. */
function MirrorControls({ kind, period, teamId, teams, onChange }: MirrorControlsProps) {
  const { t } = useTranslation();
  const format = useMirrorFormat();
  const { person } = useSession();
  const { refresh, refreshing, error } = useRefreshInternalMetrics();
  const [refreshed, setRefreshed] = useState<number | null>(null);
  const { organization } = useOrganization();
  const timeZone = organization?.timeZone ?? 'UTC';
  const periods = useMemo(() => pickablePeriods(kind, localDateIn(new Date(), timeZone)), [kind, timeZone]);
  const periodOptions = periods.map((start, index) => ({
    value: start,
    label:
      index === 0
        ? t('mirror.controls.current', { period: format.period(kind, start) })
        : format.period(kind, start),
  }));
  const scopeOptions = [
    { value: '', label: t('mirror.controls.allTeams') },
    ...teams.map((team) => ({ value: team.id, label: team.name })),
  ];
  const canRefresh = hasAnyRole(person?.roles, ACCESS.mirrorIntake);
  return (
    <Card withBorder padding="md">
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label={t('mirror.controls.kind')}
          data={PERIOD_KINDS.map((value) => ({ value, label: t(`mirror.controls.kinds.${value}`) }))}
          value={kind}
          onChange={(value) => value && onChange({ kind: value as PeriodKind })}
          allowDeselect={false}
          style={{ flex: '0 1 160px' }}
          comboboxProps={{ withinPortal: true }}
          data-testid="mirror-kind-select"
        />
        <Select
          label={t('mirror.controls.period')}
          data={periodOptions}
          value={period ?? periods[0]}
          onChange={(value) => value && onChange({ period: value === periods[0] ? null : value })}
          allowDeselect={false}
          style={{ flex: '0 1 260px' }}
          comboboxProps={{ withinPortal: true }}
          data-testid="mirror-period-select"
        />
        <Select
          label={t('mirror.controls.scope')}
          data={scopeOptions}
          value={teamId ?? ''}
          onChange={(value) => onChange({ teamId: value ? value : null })}
          allowDeselect={false}
          searchable
          nothingFoundMessage={t('common.noMatch')}
          style={{ flex: '1 1 280px' }}
          comboboxProps={{ withinPortal: true }}
          data-testid="mirror-team-select"
        />
        {canRefresh && (
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} aria-hidden />}
            loading={refreshing}
            onClick={() => void refresh().then(setRefreshed)}
            data-testid="mirror-refresh"
          >
            {t('mirror.controls.refresh')}
          </Button>
        )}
      </Group>
      {refreshed !== null && (
        <Text size="sm" c="dimmed" mt="xs" role="status">
          {t('mirror.controls.refreshed', { count: refreshed })}
        </Text>
      )}
      {error !== undefined && <QueryError error={error} />}
    </Card>
  );
}
