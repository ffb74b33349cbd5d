import { Anchor, Avatar, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';

interface PersonLink {
  id: string;
  displayName: string;
  jobTitle: string | null;
}

/** A short list of people (direct reports, a line), each a link to their page. */
export function PersonLinkList({ people }: { people: readonly PersonLink[] }) {
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {people.map((person) => (
        <Group key={person.id} component="li" gap="sm" wrap="nowrap">
          <Avatar name={person.displayName} color="initials" size="md" aria-hidden />
          <div>
            <Anchor component={Link} to={`/people/${person.id}`} fw={500}>
              {person.displayName}
            </Anchor>
            {person.jobTitle && (
              <Text size="sm" c="dimmed">
                {person.jobTitle}
              </Text>
            )}
          </div>
        </Group>
      ))}
    </Stack>
  );
}
