import { Global, Module } from '@nestjs/common';
import { ChangeFeed } from './change-feed.service';

/** The change feed, available to every module (writers append, consumers register). */
@Global()
@Module({
  providers: [ChangeFeed],
  exports: [ChangeFeed],
})
export class FeedModule {}
