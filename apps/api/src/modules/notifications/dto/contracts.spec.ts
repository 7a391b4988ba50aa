import { readFileSync } from 'node:fs';
import type { NotificationItem, NotificationList, NotificationPreferences } from '@xkx/contracts';
import { exact, uncheckedContracts } from '../../../common/contracts/contract-check';
import type {
  NotificationPreferencesDto,
  UpdateNotificationPreferencesDto,
} from './notification-preferences.dto';
import type { NotificationDto, NotificationListDto } from './notification.dto';

// Each DTO is the same shape as its contract (the typecheck target compiles this file; see contract-check.ts).
exact<NotificationPreferencesDto, NotificationPreferences>(true);
exact<UpdateNotificationPreferencesDto, NotificationPreferences>(true);
exact<NotificationDto, NotificationItem>(true);
exact<NotificationListDto, NotificationList>(true);

describe('notifications/dto DTOs and their contracts', () => {
  it('checks every DTO that implements a contract', () => {
    expect(uncheckedContracts(__dirname, readFileSync(__filename, 'utf8'))).toEqual([]);
  });
});
