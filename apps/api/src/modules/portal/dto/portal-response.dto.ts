import { ApiProperty } from '@nestjs/swagger';
import { HomeFieldCount, HomeListing, HomeNotice, HomePage, SiteInfo } from '@xkx/contracts';

export class HomeListingDto implements HomeListing {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null for an anonymous need' }) organizationName!: string | null;
  @ApiProperty({ type: [String] }) fieldCodes!: string[];
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) publishedAt!: string | null;
}

export class HomeFieldCountDto implements HomeFieldCount {
  @ApiProperty({ example: 'NE' }) code!: string;
  @ApiProperty() results!: number;
  @ApiProperty() needs!: number;
}

export class HomeNoticeDto implements HomeNotice {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() institutionName!: string;
  @ApiProperty({ description: 'fen' }) intendedPriceFen!: number;
  @ApiProperty({ example: '2026-03-01' }) startsOn!: string;
  @ApiProperty({ example: '2026-03-15', description: 'Last day, inclusive (Asia/Shanghai)' }) endsOn!: string;
}

export class HomePageDto implements HomePage {
  @ApiProperty({ type: [HomeListingDto] }) latestResults!: HomeListingDto[];
  @ApiProperty({ type: [HomeListingDto] }) latestNeeds!: HomeListingDto[];
  @ApiProperty({ type: [HomeFieldCountDto], description: 'Every priority chain, in the order of PRIORITY_CHAINS' }) fields!: HomeFieldCountDto[];
  @ApiProperty({ type: [HomeNoticeDto], description: 'Running notices, the soonest to end first' }) notices!: HomeNoticeDto[];
  @ApiProperty() noticeTotal!: number;
}

export class SiteInfoDto implements SiteInfo {
  @ApiProperty() operator!: string;
  @ApiProperty() contact!: string;
  @ApiProperty({ type: String, nullable: true }) icp!: string | null;
}
