/** Notification kinds the app words itself (the API stores their title and body in English only). */
export const KNOWN_KINDS = ['SURVEY_INVITATION', 'SURVEY_REMINDER'] as const;
export type KnownKind = (typeof KNOWN_KINDS)[number];

export function isKnownKind(kind: string): kind is KnownKind {
  return (KNOWN_KINDS as readonly string[]).includes(kind);
}

/**
 * The closing time in a survey notification's body ("Open until 2026-03-09 17:00 UTC",
 * "Closes 2026-03-09 17:00 UTC"), as an ISO instant; null when there is none.
 */
export function closingTimeOf(body: string): string | null {
  const match = /(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) UTC/.exec(body);
  return match ? `${match[1]}T${match[2]}:00Z` : null;
}

/** Only links inside the app are followed (a notification never sends the person elsewhere). */
export function internalPath(link: string | null): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//')) return null;
  return link;
}
