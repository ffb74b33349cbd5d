import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({ description: 'A position on a career track, with its level.' })
@Entity('position')
@Index(['organizationId', 'title'], { unique: true })
export class Position {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => Int)
  @Column({ type: 'int', default: 1 })
  level: number;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  track: string;
}
