import { SharedInstrumentEntity } from '../modules/instruments/entities/shared-instrument.entity';
import { InstrumentRequestEntity } from '../modules/instruments/entities/instrument-request.entity';
import { InnovationCarrierEntity } from '../modules/carriers/entities/innovation-carrier.entity';
import { ProjectLandingEntity } from '../modules/carriers/entities/project-landing.entity';
import { AttachmentEntity } from '../modules/attachments/attachment.entity';
import { RateLimitCounterEntity } from '../common/rate-limit/rate-limit-counter.entity';
import { AuditLogEntity } from '../modules/audit/audit-log.entity';
import { PasswordResetTokenEntity } from '../modules/auth/password-reset-token.entity';
import { RefreshTokenEntity } from '../modules/auth/refresh-token.entity';
import { ContractAmendmentEntity } from '../modules/contracts/entities/contract-amendment.entity';
import { ContractInstallmentEntity, ContractPaymentEntity } from '../modules/contracts/entities/contract-money.entity';
import { ContractTypeEntity, RegistrationFieldEntity } from '../modules/contracts/entities/contract-type.entity';
import { ContractEntity } from '../modules/contracts/entities/contract.entity';
import { DealEventEntity } from '../modules/deals/entities/deal-event.entity';
import { DealMessageEntity } from '../modules/deals/entities/deal-message.entity';
import { DealOfferEntity } from '../modules/deals/entities/deal-offer.entity';
import { DealParticipantEntity } from '../modules/deals/entities/deal-participant.entity';
import { DealEntity } from '../modules/deals/entities/deal.entity';
import { IntroductionEntity } from '../modules/deals/entities/introduction.entity';
import { ConfidentialViewEntity, NdaAcceptanceEntity, NdaVersionEntity } from '../modules/deals/entities/nda.entity';
import { PublicNoticeEntity, PublicNoticeObjectionEntity } from '../modules/deals/entities/public-notice.entity';
import { NotificationEntity } from '../modules/notifications/notification.entity';
import { NotificationPreferenceEntity } from '../modules/notifications/notification-preference.entity';
import { ImportJobEntity, ImportJobListingEntity } from '../modules/imports/import-job.entity';
import { BackgroundJobEntity } from '../modules/jobs/background-job.entity';
import { ListingHistoryEntity } from '../modules/listings/entities/listing-history.entity';
import { NeedEntity } from '../modules/listings/entities/need.entity';
import { ResultIpAssetEntity } from '../modules/listings/entities/result-ip-asset.entity';
import { ResultEntity } from '../modules/listings/entities/result.entity';
import { ChangeFeedEntryEntity } from '../modules/feed/change-feed-entry.entity';
import { FeedConsumerPositionEntity } from '../modules/feed/feed-consumer-position.entity';
import { ExpertEntity } from '../modules/experts/entities/expert.entity';
import { LaboratoryEntity } from '../modules/experts/entities/laboratory.entity';
import { OutboxMailEntity } from '../modules/mail/outbox-mail.entity';
import { BrokerMatchViewEntity } from '../modules/matching/broker-match-view.entity';
import { MatchFeedbackEntity } from '../modules/matching/match-feedback.entity';
import { MatchIndexSnapshotEntity, MatchIndexSnapshotPartEntity } from '../modules/matching/match-index-snapshot.entity';
import { OrganizationEntity } from '../modules/organizations/organization.entity';
import { SynonymGroupEntity } from '../modules/taxonomy/synonym-group.entity';
import { TechnologyFieldEntity } from '../modules/taxonomy/technology-field.entity';
import { UserEntity } from '../modules/users/user.entity';
import { KpiInstitutionTargetEntity, KpiTargetEntity } from '../modules/kpis/entities/kpi-target.entity';
import { RelatedPartyMarkEntity } from '../modules/kpis/entities/related-party-mark.entity';
import { MonthlyReportDispatchEntity } from '../modules/kpis/entities/monthly-report-dispatch.entity';
import { RndSpendingEntity } from '../modules/kpis/entities/rnd-spending.entity';

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
  BackgroundJobEntity,
  ImportJobListingEntity,
  MatchFeedbackEntity,
  MatchIndexSnapshotEntity,
  MatchIndexSnapshotPartEntity,
  BrokerMatchViewEntity,
  // Deals, contracts and registration (issue 6)
  IntroductionEntity,
  DealEntity,
  DealParticipantEntity,
  DealEventEntity,
  DealMessageEntity,
  DealOfferEntity,
  NdaVersionEntity,
  NdaAcceptanceEntity,
  ConfidentialViewEntity,
  PublicNoticeEntity,
  PublicNoticeObjectionEntity,
  NotificationEntity,
  NotificationPreferenceEntity,
  ContractTypeEntity,
  RegistrationFieldEntity,
  ContractEntity,
  ContractInstallmentEntity,
  ContractAmendmentEntity,
  ContractPaymentEntity,
  // KPI ledger (issue 7)
  KpiTargetEntity,
  KpiInstitutionTargetEntity,
  RndSpendingEntity,
  RelatedPartyMarkEntity,
  // Evidence and documents (issue 12)
  AttachmentEntity,
  // Abuse limits (issue 11)
  RateLimitCounterEntity,
  MonthlyReportDispatchEntity,
  // Change feed (issue 13)
  ChangeFeedEntryEntity,
  FeedConsumerPositionEntity,
  // Experts and laboratories (issue 16)
  LaboratoryEntity,
  ExpertEntity,
  // Innovation carriers and landings (issue 16)
  InnovationCarrierEntity,
  ProjectLandingEntity,
  SharedInstrumentEntity,
  InstrumentRequestEntity,
];
