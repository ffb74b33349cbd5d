import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Organization } from './organization.entity';
import { UpdateOrganizationInput } from './dto/update-organization.input';
import { AuditService, changedFields } from '../../platform/audit/audit.service';
import { badInput, notFound } from '../../platform/graphql/app-error';
import type { Viewer } from '../../platform/auth/viewer';
import { isKnownHolidayPlace } from './public-holidays';

const isValidTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const isRealDate = (d: string) => {
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
};

@Injectable()
export class OrganizationService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(id: string): Promise<Organization> {
    const org = await this.db.getRepository(Organization).findOneBy({ id });
    if (!org) throw notFound('Organization');
    return org;
  }

  /** Updates settings in one transaction, with an audit event of what changed. */
  async update(viewer: Viewer, input: UpdateOrganizationInput, requestId: string): Promise<Organization> {
    if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone)) {
      throw badInput('input.timeZone', `Unknown time zone "${input.timeZone}"`);
    }
    for (const field of ['publicHolidays', 'holidaysRemoved'] as const) {
      const bad = input[field]?.find((d) => !isRealDate(d));
      if (bad) throw badInput(`input.${field}`, `"${bad}" is not a date`);
    }
    return this.db.transaction(async (m) => {
      const org = await m.getRepository(Organization).findOne({
        where: { id: viewer.organizationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!org) throw notFound('Organization');
      const start = input.workdayStart ?? org.workdayStart;
      const end = input.workdayEnd ?? org.workdayEnd;
      if (start >= end) throw badInput('input.workdayEnd', 'The working day must end after it starts');
      if (input.workingDays && input.workingDays.length === 0)
        throw badInput('input.workingDays', 'At least one working day');
      // A new country starts without a region unless one is given; no country, no region.
      const country = input.holidayCountry !== undefined ? input.holidayCountry : org.holidayCountry;
      const region =
        input.holidayRegion !== undefined
          ? input.holidayRegion
          : input.holidayCountry !== undefined && input.holidayCountry !== org.holidayCountry
            ? null
            : org.holidayRegion;
      if (country && !isKnownHolidayPlace(country, null))
        throw badInput('input.holidayCountry', `No public holidays are known for "${country}"`);
      if (region && !country) throw badInput('input.holidayRegion', 'Choose the country first');
      if (country && region && !isKnownHolidayPlace(country, region))
        throw badInput('input.holidayRegion', `"${region}" is not a region of ${country}`);
      if (country !== org.holidayCountry || region !== org.holidayRegion) {
        input.holidayCountry = country;
        input.holidayRegion = region;
      }
      const patch = Object.fromEntries(
        Object.entries(input).filter(([, v]) => v !== undefined),
      ) as Partial<Organization>;
      if (patch.workingDays) patch.workingDays = [...patch.workingDays].sort();
      if (patch.publicHolidays) patch.publicHolidays = [...patch.publicHolidays].sort();
      if (patch.holidaysRemoved) patch.holidaysRemoved = [...patch.holidaysRemoved].sort();
      const diff = changedFields(org, patch);
      if (Object.keys(diff.after).length === 0) return org;
      Object.assign(org, patch);
      const saved = await m.save(org);
      await this.audit.record(m, {
        organizationId: org.id,
        actorPersonId: viewer.personId,
        requestId,
        action: 'organization.update',
        entityType: 'Organization',
        entityId: org.id,
        ...diff,
      });
      return saved;
    });
  }
}
