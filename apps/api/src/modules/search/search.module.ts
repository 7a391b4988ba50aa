import { Module, OnModuleInit } from '@nestjs/common';
import { SynonymChangeListeners } from '@xkx/api/modules/taxonomy/synonym-change-listeners';
import { TaxonomyModule } from '@xkx/api/modules/taxonomy/taxonomy.module';
import { SearchTextService } from './search-text.service';

@Module({
  imports: [TaxonomyModule],
  providers: [SearchTextService],
  exports: [SearchTextService],
})
export class SearchModule implements OnModuleInit {
  constructor(
    private readonly synonymListeners: SynonymChangeListeners,
    private readonly text: SearchTextService,
  ) {}

  /** An edited synonym list reaches the text pipeline first (listings re-index after it). */
  onModuleInit(): void {
    this.synonymListeners.add(0, () => this.text.reloadSynonyms());
  }
}
