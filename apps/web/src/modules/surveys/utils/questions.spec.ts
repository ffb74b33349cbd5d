import {
  moveItem,
  nextQuestionId,
  parseOptionLines,
  toQuestionInput,
  type SurveyQuestion,
} from './questions';

describe('survey questions', () => {
  it('moves a question up or down, and ignores moves out of the list', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });

  it('picks a question id not used yet', () => {
    expect(nextQuestionId([{ id: 'enps' }, { id: 'q2' }])).toBe('q3');
    expect(nextQuestionId([{ id: 'q2' }, { id: 'q3' }])).toBe('q4');
    expect(nextQuestionId([])).toBe('q1');
  });

  it('reads choice options as "English | Français" lines', () => {
    expect(parseOptionLines('Too short | Trop courte\n\n About right \nToo long|Trop longue')).toEqual([
      { id: 'o1', label: { en: 'Too short', fr: 'Trop courte' } },
      { id: 'o2', label: { en: 'About right', fr: 'About right' } },
      { id: 'o3', label: { en: 'Too long', fr: 'Trop longue' } },
    ]);
  });

  it('gives a question back to the API without its display-only fields', () => {
    const question: SurveyQuestion = {
      id: 'length',
      type: 'SINGLE_CHOICE',
      required: false,
      driver: null,
      maxLength: null,
      minSelections: null,
      maxSelections: null,
      text: { en: 'Length', fr: 'Durée' },
      scale: null,
      options: [{ id: 'short', label: { en: 'Short', fr: 'Courte' } }],
    };
    expect(toQuestionInput(question)).toEqual({
      id: 'length',
      type: 'SINGLE_CHOICE',
      required: false,
      driver: null,
      maxLength: null,
      minSelections: null,
      maxSelections: null,
      text: { en: 'Length', fr: 'Durée' },
      options: [{ id: 'short', label: { en: 'Short', fr: 'Courte' } }],
    });
  });
});
