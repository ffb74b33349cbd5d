import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Notification, NotificationFeed } from '../survey/dto/survey.types';
import { Members } from '../../platform/auth/authorize.decorator';
import type { GqlContext } from '../../platform/graphql/gql-context';
import { notFound } from '../../platform/graphql/app-error';

/** The viewer's own in-app notifications (the bell). Nobody reads anyone else's. */
@Resolver(() => Notification)
@Members()
export class NotificationResolver {
  constructor(private readonly db: DataSource) {}

  @Query(() => NotificationFeed)
  async notifications(
    @Args('limit', { type: () => Int, defaultValue: 20 }) limit: number,
    @Context() ctx: GqlContext,
  ): Promise<NotificationFeed> {
    const v = ctx.viewer!;
    const [items, [{ unread }]] = await Promise.all([
      this.db.query(
        `SELECT id, kind, title, body, link, created_at AS "createdAt", read_at AS "readAt" FROM notification
          WHERE person_id = $1 AND organization_id = $2 ORDER BY created_at DESC, id LIMIT $3`,
        [v.personId, v.organizationId, Math.min(Math.max(limit, 1), 100)],
      ),
      this.db.query(
        `SELECT count(*)::int AS unread FROM notification WHERE person_id = $1 AND organization_id = $2 AND read_at IS NULL`,
        [v.personId, v.organizationId],
      ),
    ]);
    return { items, unreadCount: unread };
  }

  @Mutation(() => Notification)
  async markNotificationRead(
    @Args('id', { type: () => ID }, ParseUUIDPipe) id: string,
    @Context() ctx: GqlContext,
  ): Promise<Notification> {
    const [rows] = await this.db.query(
      `UPDATE notification SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND person_id = $2
       RETURNING id, kind, title, body, link, created_at AS "createdAt", read_at AS "readAt"`,
      [id, ctx.viewer!.personId],
    );
    if (!rows.length) throw notFound('Notification');
    return rows[0];
  }

  @Mutation(() => Int, { description: 'Marks every notification read; returns how many changed.' })
  async markAllNotificationsRead(@Context() ctx: GqlContext): Promise<number> {
    const [, count] = await this.db.query(
      `UPDATE notification SET read_at = now() WHERE person_id = $1 AND read_at IS NULL`,
      [ctx.viewer!.personId],
    );
    return count;
  }
}
