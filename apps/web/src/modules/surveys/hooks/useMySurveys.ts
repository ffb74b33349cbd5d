import { ApolloLink } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useState } from 'react';
import {
  MySurveyOptionsDocument,
  MySurveysDocument,
  NotificationsDocument,
  SubmitSurveyResponseDocument,
  type AnswerInput,
  type Confidentiality,
  type MySurveyOptionsQuery,
  type MySurveysQuery,
} from '../../../gql/graphql';
import { toApiError, type ApiError } from '../../../platform/apollo/errors';
import { answerProblemsFromError, type AnswerProblems } from '../utils/answers';

export type MySurvey = MySurveysQuery['mySurveys'][number];
type ChoiceOption = NonNullable<
  MySurveyOptionsQuery['mySurveys'][number]['questions'][number]['options']
>[number];
/** A question of the answer form, with its choice options when it has some. */
export type AnswerQuestion = MySurvey['questions'][number] & { options: ChoiceOption[] | null };

const CHOICE_TYPES: ReadonlySet<string> = new Set(['SINGLE_CHOICE', 'MULTIPLE_CHOICE']);

/** The viewer's invitations, open ones first; fetched again on each visit (waves open and close). */
export function useMySurveys() {
  const { data, loading, error, refetch } = useQuery(MySurveysDocument, { fetchPolicy: 'cache-and-network' });
  return { surveys: data?.mySurveys ?? null, loading, error, refetch };
}

/**
 * The invitation's questions with their choice options. `mySurveys` cannot return options together with the
 * rest within the API's cost limit, so when the survey has choice questions they are asked separately,
 * through the link only (see `MySurveyOptions` in surveys.graphql).
 */
export function useAnswerQuestions(survey: MySurvey | null) {
  const client = useApolloClient();
  const needsOptions = survey?.questions.some((question) => CHOICE_TYPES.has(question.type)) ?? false;
  const invitationId = survey?.invitationId ?? null;
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ options: Map<string, ChoiceOption[]> | null; error: unknown }>({
    options: null,
    error: null,
  });
  useEffect(() => {
    if (!needsOptions || !invitationId) return;
    let active = true;
    setState({ options: null, error: null });
    const subscription = ApolloLink.execute(
      client.link,
      { query: MySurveyOptionsDocument },
      { client },
    ).subscribe({
      next(result) {
        if (!active) return;
        if (result.errors?.length) {
          setState({ options: null, error: new CombinedGraphQLErrors(result) });
          return;
        }
        const data = result.data as MySurveyOptionsQuery | null | undefined;
        const invitation = data?.mySurveys.find((candidate) => candidate.invitationId === invitationId);
        const options = new Map<string, ChoiceOption[]>();
        for (const question of invitation?.questions ?? []) options.set(question.id, question.options ?? []);
        setState({ options, error: null });
      },
      error(error: unknown) {
        if (active) setState({ options: null, error });
      },
    });
    return () => {
      active = false;
      subscription.unsubscribe();
    };
  }, [client, invitationId, needsOptions, attempt]);

  if (!survey) return { questions: null, loading: false, error: null, retry: () => undefined };
  if (!needsOptions) {
    return {
      questions: survey.questions.map((question): AnswerQuestion => ({ ...question, options: null })),
      loading: false,
      error: null,
      retry: () => undefined,
    };
  }
  const options = state.options;
  return {
    questions: options
      ? survey.questions.map((question): AnswerQuestion => ({
          ...question,
          options: options.get(question.id) ?? null,
        }))
      : null,
    loading: !options && !state.error,
    error: state.error,
    retry: () => setAttempt((count) => count + 1),
  };
}

export type SubmitOutcome =
  | { ok: true; confidentiality: Confidentiality }
  /** Refused answers: what is wrong with each question. */
  | { ok: false; problems: AnswerProblems; error: unknown; apiError: ApiError }
  /** Anything else: already answered (CONFLICT), closed, network… */
  | { ok: false; problems: null; error: unknown; apiError: ApiError };

/** Sends a whole answer set; the invitation can be used once. */
export function useSubmitSurveyResponse() {
  const [mutate, { loading }] = useMutation(SubmitSurveyResponseDocument, {
    // The invitation is used up, and its notification may be stale.
    refetchQueries: [MySurveysDocument, NotificationsDocument],
  });
  const submit = useCallback(
    async (invitationId: string, answers: AnswerInput[]): Promise<SubmitOutcome> => {
      try {
        const { data } = await mutate({ variables: { input: { invitationId, answers } } });
        if (!data) throw new Error('No answer from the API');
        return { ok: true, confidentiality: data.submitSurveyResponse.confidentiality };
      } catch (error) {
        return { ok: false, problems: answerProblemsFromError(error), error, apiError: toApiError(error) };
      }
    },
    [mutate],
  );
  return { submit, submitting: loading };
}
