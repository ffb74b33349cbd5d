import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { DecimalScalar } from '../../platform/graphql/scalars';

/**
 * A person of the organisation. Pay (base salary, currency) is restricted: it is never a plain
 * GraphQL field, only reachable through the `pay` field resolver that the policy layer guards.
 */
@ObjectType()
@Entity('person')
@Index(['organizationId', 'email'], { unique: true })
@Index(['organizationId', 'lastName', 'firstName', 'id'])
export class Person {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  firstName: string;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  lastName: string;

  /** Work e-mail, lower-cased; the identity key of the people import. */
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ type: 'uuid', nullable: true })
  managerId: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  positionId: string | null;

  @Field({ description: 'Hire date, YYYY-MM-DD.' })
  @Column({ type: 'date' })
  hireDate: string;

  @Field(() => DecimalScalar, { description: 'Full-time equivalent, 0 < fte <= 1.' })
  @Column({ type: 'numeric', precision: 4, scale: 3, default: '1' })
  fte: string;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  baseSalary: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  salaryCurrency: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
