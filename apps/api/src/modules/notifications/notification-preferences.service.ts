import { Injectable } from '@nestjs/common';
import { DEFAULT_NOTIFICATION_PREFERENCES, NotificationPreferences } from '@xkx/contracts';
import { DataSource } from 'typeorm';
import { NotificationPreferenceEntity } from './notification-preference.entity';

/** A user's reminder settings; the defaults until they save their own. */
@Injectable()
export class NotificationPreferencesService {
  constructor(private readonly dataSource: DataSource) {}

  async get(userId: string): Promise<NotificationPreferences> {
    const row = await this.dataSource.manager.findOneBy(NotificationPreferenceEntity, { userId });
    return row ? { digestMail: row.digestMail, digestHour: row.digestHour, weeklyMatches: row.weeklyMatches } : { ...DEFAULT_NOTIFICATION_PREFERENCES };
  }

  /** Upsert of the settings only: when the digests last went out stays as the job wrote it. */
  async update(userId: string, prefs: NotificationPreferences): Promise<NotificationPreferences> {
    await this.dataSource.manager
      .createQueryBuilder()
      .insert()
      .into(NotificationPreferenceEntity)
      .values({ userId, digestMail: prefs.digestMail, digestHour: prefs.digestHour, weeklyMatches: prefs.weeklyMatches })
      .orUpdate(['digest_mail', 'digest_hour', 'weekly_matches', 'updated_at'], ['user_id'])
      .execute();
    return this.get(userId);
  }
}
