import { Blockquote, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../hooks/useLocalized';
import type { SurveyResults } from '../utils/results';
import { NotEnoughAnswers } from './NotEnoughAnswers';

interface CommentsCardProps {
  comments: SurveyResults['comments'];
  threshold: number;
}

/** Comments shown before "show all": a long list stays one click away. */
const FIRST_COMMENTS = 8;

/** Free-text answers of the group, in no particular order, once enough people wrote one. */
export function CommentsCard({ comments, threshold }: CommentsCardProps) {
  const { t } = useTranslation();
  const text = useLocalized();
  return (
    <Card withBorder padding="lg" data-testid="results-comments">
      <Title order={2} size="h4" mb={4}>
        {t('surveys.results.comments.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('surveys.results.comments.description', { count: threshold })}
      </Text>
      <Stack gap="lg">
        {comments.map((list) => (
          <section key={list.questionId} aria-label={text(list.text)}>
            <Text fw={600} size="sm" mb="xs">
              {text(list.text)}
            </Text>
            {!list.shown ? (
              <NotEnoughAnswers reason={list.reason} threshold={threshold} />
            ) : list.comments.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('surveys.results.comments.none')}
              </Text>
            ) : (
              <CommentList comments={list.comments} />
            )}
          </section>
        ))}
      </Stack>
    </Card>
  );
}

function CommentList({ comments }: { comments: readonly string[] }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? comments : comments.slice(0, FIRST_COMMENTS);
  return (
    <>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {shown.map((comment, index) => (
          <li key={`${index}-${comment.slice(0, 16)}`}>
            <Blockquote p="sm" color="gray" fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {comment}
            </Blockquote>
          </li>
        ))}
      </Stack>
      {comments.length > FIRST_COMMENTS && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setAll((previous) => !previous)}>
          {all
            ? t('surveys.results.comments.showFewer')
            : t('surveys.results.comments.showAll', { count: comments.length })}
        </Button>
      )}
    </>
  );
}
