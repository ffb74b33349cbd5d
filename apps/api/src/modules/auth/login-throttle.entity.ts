import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins per e-mail (known or not, so the answer never reveals which e-mails exist).
 * Kept in PostgreSQL so every API instance counts the same attempts.
 */
@Entity('login_throttle')
export class LoginThrottle {
  @PrimaryColumn({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'int', default: 0 })
  failures: number;

  @Column({ type: 'timestamptz' })
  windowStartedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;
}
