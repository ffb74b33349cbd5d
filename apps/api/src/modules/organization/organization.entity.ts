import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { OrganizationKind } from './organization.enums';

@ObjectType({
  description: 'A tenant: a company or a public service, with its calendar and anonymity rules.',
})
@Entity('organization')
export class Organization {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => OrganizationKind)
  @Column({ type: 'enum', enum: OrganizationKind, enumName: 'organization_kind' })
  kind: OrganizationKind;

  @Field(() => Int, {
    description: 'Reporting threshold k: no figure is shown for a group of fewer answers.',
  })
  @Column({ type: 'int', default: 5 })
  anonymityThreshold: number;

  @Field({ description: 'IANA time zone, e.g. Europe/Paris.' })
  @Column({ type: 'varchar', length: 64, default: 'Europe/Paris' })
  timeZone: string;

  @Field(() => [Int], { description: 'ISO weekdays worked: 1 = Monday ... 7 = Sunday.' })
  @Column({ type: 'int', array: true, default: () => "'{1,2,3,4,5}'" })
  workingDays: number[];

  @Field({ description: 'Start of the working day, HH:MM local time.' })
  @Column({ type: 'varchar', length: 5, default: '09:00' })
  workdayStart: string;

  @Field({ description: 'End of the working day, HH:MM local time.' })
  @Column({ type: 'varchar', length: 5, default: '17:30' })
  workdayEnd: string;

  @Field(() => [String], {
    description:
      'Days off the organisation adds to its country’s public holidays (or its only days off without a country), as local dates YYYY-MM-DD.',
  })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  publicHolidays: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Country (ISO 3166-1 alpha-2) whose public holidays are days off, every year; null: none.',
  })
  @Column({ type: 'varchar', length: 2, nullable: true })
  holidayCountry: string | null;

  @Field(() => String, { nullable: true, description: 'Region of that country with holidays of its own.' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  holidayRegion: string | null;

  @Field(() => [String], { description: 'The country’s holidays the organisation works, as local dates.' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  holidaysRemoved: string[];

  @Field({ description: 'Language used when the browser expresses no preference: en or fr.' })
  @Column({ type: 'varchar', length: 5, default: 'en' })
  defaultLocale: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
