import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TeamKind } from '../organization/organization.enums';

@ObjectType({ description: 'A team: front line (serves customers or users), support, or management.' })
@Entity('team')
@Index(['organizationId', 'name'], { unique: true })
export class Team {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => TeamKind)
  @Column({ type: 'enum', enum: TeamKind, enumName: 'team_kind' })
  kind: TeamKind;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  managerId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
