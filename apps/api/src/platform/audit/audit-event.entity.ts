import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { JsonScalar } from '../graphql/scalars';

/** Append-only (a trigger refuses UPDATE and DELETE): who changed what, when, before and after. */
@ObjectType()
@Entity('audit_event')
@Index(['organizationId', 'at'])
export class AuditEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  actorPersonId: string | null;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  action: string;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  entityType: string;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  entityId: string;

  @Field(() => JsonScalar, { nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Field(() => JsonScalar, { nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
