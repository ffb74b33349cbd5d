import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { answerProblemsFromError, checkAnswers, toAnswerInputs, type AnswerableQuestion } from './answers';

const question = (id: string, type: AnswerableQuestion['type'], extra: Partial<AnswerableQuestion> = {}) => ({
  id,
  type,
  required: true,
  maxLength: null,
  minSelections: null,
  maxSelections: null,
  options: null,
  ...extra,
});

const questions: AnswerableQuestion[] = [
  question('enps', 'NPS_0_10'),
  question('agree', 'LIKERT_5'),
  question('recommend', 'YES_NO', { required: false }),
  question('length', 'SINGLE_CHOICE', { options: [{ id: 'short' }, { id: 'long' }] }),
  question('topics', 'MULTIPLE_CHOICE', {
    required: false,
    minSelections: 2,
    maxSelections: 3,
    options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }],
  }),
  question('comment', 'FREE_TEXT', { required: false, maxLength: 5 }),
];

describe('survey answers', () => {
  it('turns form values into the API answers, leaving out what was not answered', () => {
    expect(
      toAnswerInputs(questions, {
        enps: '9',
        agree: '4',
        recommend: 'no',
        length: 'short',
        topics: ['a', 'c'],
        comment: '  ',
      }),
    ).toEqual([
      { questionId: 'enps', value: 9 },
      { questionId: 'agree', value: 4 },
      { questionId: 'recommend', yes: false },
      { questionId: 'length', optionIds: ['short'] },
      { questionId: 'topics', optionIds: ['a', 'c'] },
    ]);
    expect(toAnswerInputs(questions, { comment: ' Good ' })).toEqual([
      { questionId: 'comment', text: 'Good' },
    ]);
  });

  it('checks required answers, text length and the number of choices before sending', () => {
    expect(checkAnswers(questions, { enps: '0', topics: ['a'], comment: 'été !!' })).toEqual({
      agree: 'REQUIRED',
      length: 'REQUIRED',
      topics: 'TOO_FEW_SELECTIONS',
      comment: 'TOO_LONG',
    });
    expect(
      checkAnswers(questions, { enps: '10', agree: '1', length: 'long', topics: ['a', 'b', 'c', 'd'] }),
    ).toEqual({ topics: 'TOO_MANY_SELECTIONS' });
    // Code points, not UTF-16 units: five emoji fit a limit of five.
    expect(checkAnswers(questions, { enps: '5', agree: '3', length: 'long', comment: '😀😀😀😀😀' })).toEqual(
      {},
    );
  });

  it('reads per-question problems from a refused submission', () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        {
          message: 'enps: out of range',
          extensions: {
            code: 'BAD_USER_INPUT',
            field: 'input.answers.enps',
            problems: [
              { questionId: 'enps', code: 'OUT_OF_RANGE', message: '…' },
              { questionId: 'agree', code: 'REQUIRED', message: '…' },
              { questionId: 'agree', code: 'WRONG_TYPE', message: '…' },
              { questionId: 'topics', code: 'SOMETHING_NEW', message: '…' },
            ],
          },
        },
      ],
    });
    expect(answerProblemsFromError(error)).toEqual({
      enps: 'OUT_OF_RANGE',
      agree: 'REQUIRED',
      topics: 'WRONG_TYPE',
    });
  });

  it('tells apart errors that are not about the answers', () => {
    const conflict = new CombinedGraphQLErrors({
      errors: [{ message: 'Already answered', extensions: { code: 'CONFLICT' } }],
    });
    const closed = new CombinedGraphQLErrors({
      errors: [{ message: 'Closed', extensions: { code: 'BAD_USER_INPUT', field: 'input.invitationId' } }],
    });
    expect(answerProblemsFromError(conflict)).toBeNull();
    expect(answerProblemsFromError(closed)).toBeNull();
    expect(answerProblemsFromError(new TypeError('Failed to fetch'))).toBeNull();
  });
});
