import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A support service (IT, facilities, payroll...) owned by a SUPPORT team. Front-line staff are its
 * internal customers. Each team's manager is also a support to that team: that relation is the
 * team's `manager`, not a row here.
 */
@ObjectType()
@Entity('support_service')
@Index(['organizationId', 'name'], { unique: true })
export class SupportService {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field()
  @Column({ type: 'text', default: '' })
  description: string;

  @Field(() => ID)
  @Index()
  @Column({ type: 'uuid' })
  ownerTeamId: string;

  @Field(() => Int, { description: 'Days after resolution during which the requester may reopen.' })
  @Column({ type: 'int', default: 7 })
  reopenWindowDays: number;
}
