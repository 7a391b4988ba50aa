import { EntityManager } from 'typeorm';

/** Which periodic mail a claim is for: the daily to-do digest or the weekly match digest. */
export type DigestColumn = 'last_digest_on' | 'last_weekly_on';

/**
 * Marks a user's periodic mail handled for `day` in their notification preferences (the notifications module's
 * table), in the caller's transaction; false when someone already did (then nothing is sent). One statement,
 * so two instances sending the same digest cannot both win.
 */
export async function claimDigestDay(manager: EntityManager, userId: string, column: DigestColumn, day: string): Promise<boolean> {
  const rows = await manager.query<Array<{ user_id: string }>>(
    `INSERT INTO notification_preference (user_id, ${column}) VALUES ($1, $2::date)
     ON CONFLICT (user_id) DO UPDATE SET ${column} = EXCLUDED.${column}
     WHERE notification_preference.${column} IS NULL OR notification_preference.${column} < EXCLUDED.${column}
     RETURNING user_id`,
    [userId, day],
  );
  return rows.length > 0;
}
