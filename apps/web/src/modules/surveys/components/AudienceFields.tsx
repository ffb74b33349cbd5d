import { MultiSelect, SimpleGrid, Skeleton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSurveyBuilderOptions } from '../hooks/useSurveys';

interface AudienceFieldsProps {
  teamIds: string[];
  positionIds: string[];
  onChange(audience: { teamIds: string[]; positionIds: string[] }): void;
  disabled?: boolean;
}

/** Who is invited: teams (with their sub-teams) and/or positions; nothing chosen invites everyone. */
export function AudienceFields({ teamIds, positionIds, onChange, disabled }: AudienceFieldsProps) {
  const { t } = useTranslation();
  const options = useSurveyBuilderOptions();
  // Chosen ids would show as raw ids until the names arrive.
  if (options.loading && options.teamGroups.length === 0) {
    return (
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Skeleton height={60} />
        <Skeleton height={60} />
      </SimpleGrid>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <MultiSelect
        label={t('surveys.builder.audienceTeams')}
        description={t('surveys.builder.audienceTeamsHint')}
        placeholder={teamIds.length === 0 ? t('surveys.builder.everyTeam') : undefined}
        data={options.teamGroups}
        value={teamIds}
        onChange={(next) => onChange({ teamIds: next, positionIds })}
        searchable
        clearable
        hidePickedOptions
        nothingFoundMessage={t('common.noMatch')}
        disabled={disabled}
        comboboxProps={{ withinPortal: true }}
        data-testid="audience-teams"
      />
      <MultiSelect
        label={t('surveys.builder.audiencePositions')}
        description={t('surveys.builder.audiencePositionsHint')}
        placeholder={positionIds.length === 0 ? t('surveys.builder.everyPosition') : undefined}
        data={options.positions}
        value={positionIds}
        onChange={(next) => onChange({ teamIds, positionIds: next })}
        searchable
        clearable
        hidePickedOptions
        nothingFoundMessage={t('common.noMatch')}
        disabled={disabled}
        comboboxProps={{ withinPortal: true }}
        data-testid="audience-positions"
      />
    </SimpleGrid>
  );
}
