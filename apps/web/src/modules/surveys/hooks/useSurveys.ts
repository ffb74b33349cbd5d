import { useMutation, useQuery } from '@apollo/client/react';
import type { ApolloCache } from '@apollo/client';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CloseSurveyDocument,
  CreateSurveyDocument,
  DeleteSurveyDocument,
  PublishSurveyResultsDocument,
  ResultSurveysDocument,
  ScheduleSurveyDocument,
  SurveyBuilderOptionsDocument,
  SurveyDocument,
  SurveysDocument,
  SurveyTemplatesDocument,
  UnscheduleSurveyDocument,
  UpdateSurveyDocument,
  type SurveyDetailFragment,
  type SurveyListItemFragment,
  type SurveyStatus,
  type SurveyTemplatesQuery,
  type TeamKind,
} from '../../../gql/graphql';

export type SurveyDetail = SurveyDetailFragment;
export type SurveyListItem = SurveyListItemFragment;
export type SurveyTemplate = SurveyTemplatesQuery['surveyTemplates'][number];

/** The organisation's surveys (HR, ADMIN), newest first, optionally of one status. */
export function useSurveys(status: SurveyStatus | null) {
  const { data, previousData, loading, error, refetch } = useQuery(SurveysDocument, {
    variables: { status },
    fetchPolicy: 'cache-and-network',
  });
  return { surveys: (data ?? previousData)?.surveys ?? null, loading, error, refetch };
}

export function useSurvey(id: string) {
  const { data, loading, error, refetch } = useQuery(SurveyDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  return { survey: data?.survey ?? null, loading, error, refetch };
}

export function useSurveyTemplates() {
  const { data, loading, error, refetch } = useQuery(SurveyTemplatesDocument);
  return { templates: data?.surveyTemplates ?? null, loading, error, refetch };
}

const KIND_ORDER: readonly TeamKind[] = ['FRONT_LINE', 'SUPPORT', 'MANAGEMENT'];

/** Teams (grouped by kind), positions, support services and managers, as select options. */
export function useSurveyBuilderOptions() {
  const { t, i18n } = useTranslation();
  const { data, loading, error } = useQuery(SurveyBuilderOptionsDocument);
  return useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    const teams = data?.teams ?? [];
    const teamGroups = KIND_ORDER.map((kind) => ({
      group: t(`teamKind.${kind}`),
      items: teams
        .filter((team) => team.kind === kind)
        .sort((a, b) => collator.compare(a.name, b.name))
        .map((team) => ({ value: team.id, label: team.name })),
    })).filter((group) => group.items.length > 0);
    const positions = [...(data?.positions ?? [])]
      .sort((a, b) => collator.compare(a.track, b.track) || a.level - b.level)
      .map((position) => ({
        value: position.id,
        label: t('surveys.builder.positionOption', {
          title: position.title,
          level: position.level,
          track: position.track,
        }),
      }));
    const services = [...(data?.supportServices ?? [])]
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((service) => ({ value: service.id, label: service.name }));
    const managerById = new Map<string, string>();
    for (const team of teams) if (team.manager) managerById.set(team.manager.id, team.manager.displayName);
    const managers = [...managerById]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => collator.compare(a.label, b.label));
    const teamNames = new Map(teams.map((team) => [team.id, team.name]));
    const positionNames = new Map(positions.map((position) => [position.value, position.label]));
    return { teamGroups, positions, services, managers, teamNames, positionNames, loading, error };
  }, [data, loading, error, t, i18n.language]);
}

/** Lists of surveys are fetched again after a change (status, title, a new or deleted survey). */
function forgetSurveyLists(cache: ApolloCache): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'surveys' });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'resultSurveys' });
  cache.gc();
}

export function useCreateSurvey() {
  const [create, { loading: creating }] = useMutation(CreateSurveyDocument, { update: forgetSurveyLists });
  const [schedule, { loading: scheduling }] = useMutation(ScheduleSurveyDocument, {
    update: forgetSurveyLists,
  });
  return { create, schedule, busy: creating || scheduling };
}

/** Every change HR can make to one survey; each returns the survey as it now is. */
export function useSurveyActions() {
  const [update, updateState] = useMutation(UpdateSurveyDocument, { update: forgetSurveyLists });
  const [schedule, scheduleState] = useMutation(ScheduleSurveyDocument, { update: forgetSurveyLists });
  const [unschedule, unscheduleState] = useMutation(UnscheduleSurveyDocument, { update: forgetSurveyLists });
  const [close, closeState] = useMutation(CloseSurveyDocument, { update: forgetSurveyLists });
  const [remove, removeState] = useMutation(DeleteSurveyDocument, { update: forgetSurveyLists });
  const [publish, publishState] = useMutation(PublishSurveyResultsDocument, {
    update: forgetSurveyLists,
    // Results now show to (or hide from) everyone.
    refetchQueries: [ResultSurveysDocument],
  });
  return {
    update,
    schedule,
    unschedule,
    close,
    remove,
    publish,
    updating: updateState.loading,
    scheduling: scheduleState.loading,
    unscheduling: unscheduleState.loading,
    closing: closeState.loading,
    removing: removeState.loading,
    publishing: publishState.loading,
  };
}
