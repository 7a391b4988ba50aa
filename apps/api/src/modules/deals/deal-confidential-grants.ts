import { Global, Injectable, Module } from '@nestjs/common';
import { ListingKind } from '@xkx/contracts';
import { ConfidentialAccessGrants } from '@xkx/api/modules/listings/listing-access';
import { DataSource } from 'typeorm';

/**
 * The real grant (issue 6): a user sees the other side's confidential detail when a broker let them
 * into a deal on that listing (a participant on the opposite side: enterprise people for a result,
 * institution people for a need), the deal is not lost, and they accepted the NDA in that deal.
 * The deals module's implementation of listings' ConfidentialAccessGrants port (its own tables).
 */
@Injectable()
export class DealConfidentialGrants extends ConfidentialAccessGrants {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async isGranted(userId: string, kind: ListingKind, listingId: string): Promise<boolean> {
    const column = kind === 'RESULT' ? 'result_id' : 'need_id';
    const side = kind === 'RESULT' ? 'ENTERPRISE' : 'INSTITUTION';
    const rows: Array<{ granted: boolean }> = await this.dataSource.query(
      `SELECT EXISTS (
         SELECT 1 FROM deal d
         JOIN deal_participant p ON p.deal_id = d.id AND p.user_id = $1 AND p.side = $3
         JOIN nda_acceptance a ON a.deal_id = d.id AND a.user_id = $1
         WHERE d.${column} = $2 AND d.stage <> 'LOST'
       ) AS granted`,
      [userId, listingId, side],
    );
    return rows[0]?.granted === true;
  }

  async recordView(viewerId: string, kind: ListingKind, listingId: string, basis: 'NDA' | 'BROKER'): Promise<void> {
    await this.dataSource.query(`INSERT INTO confidential_view (viewer_id, listing_kind, listing_id, basis) VALUES ($1, $2, $3, $4)`, [viewerId, kind, listingId, basis]);
  }
}

/**
 * Provides the port to the listings module without either module importing the other's Nest module
 * (listings must not depend on deals; deals already depends on listings). Imported once, by AppModule.
 */
@Global()
@Module({
  providers: [{ provide: ConfidentialAccessGrants, useClass: DealConfidentialGrants }],
  exports: [ConfidentialAccessGrants],
})
export class ConfidentialAccessModule {}
