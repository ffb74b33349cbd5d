import { Args, ArgsType, Context, Field, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';
import { ParseUUIDPipe } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Notification, NotificationFeed } from '../survey/dto/survey.types';
import { Members } from '../../platform/auth/authorize.decorator';
import type { GqlContext } from '../../platform/graphql/gql-context';
import { notFound } from '../../platform/graphql/app-error';
import { PageArgs } from '../../platform/graphql/page';

@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field(() => Boolean, { defaultValue: false, description: 'Only the unread ones.' })
  @IsBoolean()
  unreadOnly = false;
}

/** The viewer's own in-app notifications (the bell). Nobody reads anyone else's. */
@Resolver(() => Notification)
@Members()
export class NotificationResolver {
  constructor(private readonly db: DataSource) {}

  @Query(() => NotificationFeed, { description: 'The viewer’s notifications, latest first, paged.' })
  async notifications(@Args() a: NotificationsArgs, @Context() ctx: GqlContext): Promise<NotificationFeed> {
    const v = ctx.viewer!;
    // Both read the viewer's rows by idx_notification_person (person, created_at).
    const [items, [counts]] = await Promise.all([
      this.db.query(
        `SELECT id, kind, title, body, link, created_at AS "createdAt", read_at AS "readAt" FROM notification
          WHERE person_id = $1 AND organization_id = $2 AND (NOT $5::boolean OR read_at IS NULL)
          ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`,
        [v.personId, v.organizationId, a.limit, a.offset, a.unreadOnly],
      ),
      this.db.query(
        `SELECT count(*) FILTER (WHERE read_at IS NULL)::int AS unread,
                count(*) FILTER (WHERE NOT $3::boolean OR read_at IS NULL)::int AS total
           FROM notification WHERE person_id = $1 AND organization_id = $2`,
        [v.personId, v.organizationId, a.unreadOnly],
      ),
    ]);
    return { items, unreadCount: counts.unread, totalCount: counts.total, offset: a.offset, limit: a.limit };
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
