import { ArgsType, Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsString, MaxLength } from 'class-validator';

export enum ImportMode {
  /** Check the file and report; change nothing. */
  VALIDATE = 'VALIDATE',
  /** Apply the whole file only if every row is valid. */
  APPLY = 'APPLY',
  /** Apply the valid rows, skip the invalid ones (an explicit choice of HR). */
  APPLY_VALID_ROWS = 'APPLY_VALID_ROWS',
}
registerEnumType(ImportMode, { name: 'ImportMode' });

export const MAX_IMPORT_BYTES = 5_000_000;

@ArgsType()
export class ImportPeopleArgs {
  @Field({ description: 'CSV text with a header row (see docs/people-import.md).' })
  @IsString()
  @MaxLength(MAX_IMPORT_BYTES, { message: `csv is too large: at most ${MAX_IMPORT_BYTES} characters` })
  csv: string;

  @Field(() => ImportMode, { defaultValue: ImportMode.VALIDATE })
  @IsEnum(ImportMode)
  mode: ImportMode = ImportMode.VALIDATE;
}

@ObjectType()
export class ImportRowError {
  @Field(() => Int, { description: 'Line in the file (the header is line 1).' })
  line: number;

  @Field(() => String, { nullable: true })
  field: string | null;

  @Field()
  message: string;
}

@ObjectType()
export class PeopleImportResult {
  @Field({ description: 'Every row is valid.' })
  valid: boolean;

  @Field({ description: 'Changes were written.' })
  applied: boolean;

  @Field(() => Int)
  totalRows: number;

  @Field(() => Int)
  created: number;

  @Field(() => Int)
  updated: number;

  @Field(() => Int)
  unchanged: number;

  @Field(() => [ImportRowError])
  errors: ImportRowError[];
}
