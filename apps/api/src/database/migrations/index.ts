// Every migration in order. `npm run db:generate -- <Name>` appends new ones here.
import { EnableExtensions1764100000000 } from './1764100000000-EnableExtensions';
import { CreateOrganization1795726723832 } from './1795726723832-CreateOrganization';
import { CreateAccounts1795728006395 } from './1795728006395-CreateAccounts';
import { CreateListings1795728501801 } from './1795728501801-CreateListings';
import { ListingSearchIndexes1795728501900 } from './1795728501900-ListingSearchIndexes';
import { SeedTechnologyFields1795728600000 } from './1795728600000-SeedTechnologyFields';
import { SeedSynonyms1795728600100 } from './1795728600100-SeedSynonyms';
import { CreateMatchFeedback1795729929586 } from './1795729929586-CreateMatchFeedback';
import { CreateDealsAndContracts1795730035287 } from './1795730035287-CreateDealsAndContracts';
import { SeedContractReferenceData1795730035300 } from './1795730035300-SeedContractReferenceData';
import { CreateKpiLedger1795731836519 } from './1795731836519-CreateKpiLedger';
import { IndexContractSignedOn1795734698271 } from './1795734698271-IndexContractSignedOn';
import { ContractReceivedTotals1795739984444 } from './1795739984444-ContractReceivedTotals';
import { KpiQueryIndexes1795740254659 } from './1795740254659-KpiQueryIndexes';
import { KpiDataVersion1795743322200 } from './1795743322200-KpiDataVersion';
import { NotificationTitleEn1795745248538 } from './1795745248538-NotificationTitleEn';
import { RateLimitCounter1796385084213 } from './1796385084213-RateLimitCounter';
import { AttachmentTable1796385140492 } from './1796385140492-AttachmentTable';
import { ContractAmendments1796387013801 } from './1796387013801-ContractAmendments';

import { AuditSubjectLabel1796385200000 } from './1796385200000-AuditSubjectLabel';
import { AuditLogAppendOnly1796385200001 } from './1796385200001-AuditLogAppendOnly';
import { MonthlyReportDispatch1796387499794 } from './1796387499794-MonthlyReportDispatch';
import { ImportJobChunks1796388206424 } from './1796388206424-ImportJobChunks';
import { NdaSignatureTextHash1796388445679 } from './1796388445679-NdaSignatureTextHash';
import { PublicNoticeObjectionAnswers1796395384501 } from './1796395384501-PublicNoticeObjectionAnswers';
import { DealLostProposal1796395427928 } from './1796395427928-DealLostProposal';
import { OutboxMailAttachments1796395900000 } from './1796395900000-OutboxMailAttachments';
import { RegistrationPatentNumberType1796407071391 } from './1796407071391-RegistrationPatentNumberType';
import { NotificationPreferencesAndLinks1796407112461 } from './1796407112461-NotificationPreferencesAndLinks';
import { SynonymGroupRelation1796430042700 } from './1796430042700-SynonymGroupRelation';
import { SeedNarrowerSynonyms1796430042800 } from './1796430042800-SeedNarrowerSynonyms';
import { ListingNewestFirstIndexes1796440000000 } from './1796440000000-ListingNewestFirstIndexes';
import { ChangeFeed1796440000100 } from './1796440000100-ChangeFeed';
import { MatchIndexSnapshot1796600013000 } from './1796600013000-MatchIndexSnapshot';
import { CreateExpertsAndLaboratories1796701000000 } from './1796701000000-CreateExpertsAndLaboratories';

export const MIGRATIONS = [EnableExtensions1764100000000, CreateOrganization1795726723832, CreateAccounts1795728006395, CreateListings1795728501801, ListingSearchIndexes1795728501900, SeedTechnologyFields1795728600000, SeedSynonyms1795728600100, CreateMatchFeedback1795729929586, CreateDealsAndContracts1795730035287, SeedContractReferenceData1795730035300, CreateKpiLedger1795731836519, IndexContractSignedOn1795734698271, ContractReceivedTotals1795739984444, KpiQueryIndexes1795740254659, KpiDataVersion1795743322200, NotificationTitleEn1795745248538, RateLimitCounter1796385084213, AttachmentTable1796385140492, AuditSubjectLabel1796385200000, AuditLogAppendOnly1796385200001, ContractAmendments1796387013801, MonthlyReportDispatch1796387499794, ImportJobChunks1796388206424, NdaSignatureTextHash1796388445679, PublicNoticeObjectionAnswers1796395384501, DealLostProposal1796395427928, OutboxMailAttachments1796395900000, RegistrationPatentNumberType1796407071391, NotificationPreferencesAndLinks1796407112461, SynonymGroupRelation1796430042700, SeedNarrowerSynonyms1796430042800, ListingNewestFirstIndexes1796440000000, ChangeFeed1796440000100, MatchIndexSnapshot1796600013000, CreateExpertsAndLaboratories1796701000000];
