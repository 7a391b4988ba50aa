import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ListingKind } from '@xkx/contracts';
import { createAnalyzer, foldToSimplified, isCjkWord, quoteLexeme, TextAnalyzer } from '@xkx/text-zh';
import { DataSource, EntityManager } from 'typeorm';
import { TaxonomyService } from '@xkx/api/modules/taxonomy/taxonomy.service';

/** The three weighted parts of a listing's search document. */
export interface SearchParts {
  /** weight A */
  title: string;
  /** weight B */
  keywords: string;
  /** weight C */
  body: string;
}

export interface HighlightSegment {
  text: string;
  match: boolean;
}

const TABLE: Record<ListingKind, 'result' | 'need'> = { RESULT: 'result', NEED: 'need' };

/**
 * Chinese search text: the analyzer (jieba + lexicons + admin synonyms + bigrams) turns listings into
 * PostgreSQL tsvectors and queries into tsqueries. Both PostgreSQL and PGlite lack a Chinese parser,
 * so segmentation happens here and the same SQL runs on both.
 */
@Injectable()
export class SearchTextService implements OnModuleInit {
  private readonly logger = new Logger(SearchTextService.name);
  private analyzer: TextAnalyzer = createAnalyzer({ synonyms: [] });
  private synonymsLoaded = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyService,
  ) {}

  /** createApp loads them right after the migrations (the seed needs them); this covers other bootstraps. */
  async onModuleInit(): Promise<void> {
    if (!this.synonymsLoaded) await this.reloadSynonyms();
  }

  async reloadSynonyms(): Promise<void> {
    try {
      this.analyzer = createAnalyzer({ synonyms: await this.taxonomy.synonymGroups() });
      this.synonymsLoaded = true;
    } catch (error) {
      // Before the first migration (fresh database) the table is missing; migrations run next.
      this.logger.warn(`synonyms not loaded yet: ${String(error)}`);
    }
  }

  get textAnalyzer(): TextAnalyzer {
    return this.analyzer;
  }

  /** Writes the listing's search document; call inside the transaction that changed it. */
  async index(manager: EntityManager, kind: ListingKind, id: string, parts: SearchParts): Promise<void> {
    const a = this.analyzer.searchDocument(parts.title);
    const b = this.analyzer.searchDocument(parts.keywords);
    const c = this.analyzer.searchDocument(parts.body);
    await manager.query(
      `UPDATE "${TABLE[kind]}" SET search_doc =
         setweight(to_tsvector('simple', $1), 'A') || setweight(to_tsvector('simple', $2), 'B') || setweight(to_tsvector('simple', $3), 'C')
       WHERE id = $4`,
      [a, b, c, id],
    );
  }

  /** `to_tsquery('simple', …)` text; empty when the query has no searchable token. */
  tsQuery(q: string): string {
    const main = this.analyzer.tsQuery(q, { mode: 'all' });
    // Fallback: every character bigram of the query's Chinese runs (plus its Latin words). It finds text
    // whatever way the segmenter cut the query or the listing, e.g. 碳负极预锂 inside 硅碳负极预锂化.
    const { words, bigrams } = this.analyzer.analyze(q, { mode: 'exact' });
    const parts = [...new Set([...bigrams, ...words.filter((w) => !isCjkWord(w))])];
    if (bigrams.length === 0 || parts.length === 0) return main;
    const alternative = parts.map(quoteLexeme).join(' & ');
    return main ? `(${main}) | (${alternative})` : alternative;
  }

  /** Terms to mark in titles and snippets: the query's words and their synonyms, longest first. */
  highlightTerms(q: string): string[] {
    const { words, surfaces } = this.analyzer.analyze(q, { mode: 'exact', bigrams: false });
    const terms = new Set<string>();
    for (const t of [...words, ...surfaces]) for (const term of this.analyzer.synonyms.expand(t)) if (term.length > 0) terms.add(term);
    return [...terms].sort((x, y) => y.length - x.length);
  }

  /**
   * Splits `text` into marked and unmarked runs. Matching happens on the simplified, lower-cased form so
   * a traditional-character query marks simplified text and back; runs keep the original characters.
   */
  highlight(fullText: string, terms: readonly string[], maxLength?: number): HighlightSegment[] {
    // Folding scripts costs about a millisecond per thousand characters: a snippet looks only at the start.
    const text = maxLength ? fullText.slice(0, maxLength * 4) : fullText;
    const folded = foldToSimplified(text).toLowerCase();
    const source = folded.length === text.length ? folded : text.toLowerCase();
    const marks = new Array<boolean>(text.length).fill(false);
    for (const term of terms) {
      const needle = term.toLowerCase();
      for (let i = source.indexOf(needle); i >= 0 && needle.length > 0; i = source.indexOf(needle, i + needle.length)) {
        for (let j = i; j < i + needle.length; j++) marks[j] = true;
      }
    }
    let start = 0;
    let end = text.length;
    if (maxLength && text.length > maxLength) {
      const first = marks.indexOf(true);
      start = first > maxLength / 3 ? first - Math.floor(maxLength / 3) : 0;
      end = Math.min(text.length, start + maxLength);
    }
    const segments: HighlightSegment[] = [];
    for (let i = start; i < end; i++) {
      const last = segments[segments.length - 1];
      if (last && last.match === marks[i]) last.text += text.charAt(i);
      else segments.push({ text: text.charAt(i), match: marks[i] ?? false });
    }
    if (start > 0) segments.unshift({ text: '…', match: false });
    if (end < fullText.length) segments.push({ text: '…', match: false });
    return segments;
  }
}
