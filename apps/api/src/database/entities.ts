import { AuditLogEntity } from '../modules/audit/audit-log.entity';
import { PasswordResetTokenEntity } from '../modules/auth/password-reset-token.entity';
import { RefreshTokenEntity } from '../modules/auth/refresh-token.entity';
import { ImportJobEntity } from '../modules/imports/import-job.entity';
import { ListingHistoryEntity } from '../modules/listings/entities/listing-history.entity';
import { NeedEntity } from '../modules/listings/entities/need.entity';
import { ResultIpAssetEntity } from '../modules/listings/entities/result-ip-asset.entity';
import { ResultEntity } from '../modules/listings/entities/result.entity';
import { OutboxMailEntity } from '../modules/mail/outbox-mail.entity';
import { BrokerMatchViewEntity } from '../modules/matching/broker-match-view.entity';
import { MatchFeedbackEntity } from '../modules/matching/match-feedback.entity';
import { OrganizationEntity } from '../modules/organizations/organization.entity';
import { SynonymGroupEntity } from '../modules/taxonomy/synonym-group.entity';
import { TechnologyFieldEntity } from '../modules/taxonomy/technology-field.entity';
import { UserEntity } from '../modules/users/user.entity';

/** Every entity, listed once: the app, tests and migration CLI share this list. */
export const ENTITIES = [
  OrganizationEntity,
  UserEntity,
  RefreshTokenEntity,
  PasswordResetTokenEntity,
  AuditLogEntity,
  OutboxMailEntity,
  TechnologyFieldEntity,
  SynonymGroupEntity,
  ResultEntity,
  ResultIpAssetEntity,
  NeedEntity,
  ListingHistoryEntity,
  ImportJobEntity,
  MatchFeedbackEntity,
  BrokerMatchViewEntity,
];
