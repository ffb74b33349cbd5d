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
// The directory's index (left_on included: listing current staff stays an index-only scan) and the
// leavers' index for period queries; both written by hand in the PersonLeaving migration:
// (organization_id, last_name, first_name, id) INCLUDE (left_on), (organization_id, left_on).
@Index('idx_person_directory', { synchronize: false })
@Index('idx_person_left_on', { synchronize: false })
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

  /**
   * Leaving date, YYYY-MM-DD: from that day on the person is former staff (no sign-in, not in the
   * directory by default, not invited to surveys). Null while employed. Restricted like pay: only
   * through the `leftOn` field resolver (a future date may not be public yet).
   */
  @Column({ type: 'date', nullable: true })
  leftOn: string | null;

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
