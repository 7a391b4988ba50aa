import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ListingKind } from '@xkx/contracts';
import { RelatedField } from '@xkx/contracts';
import { createAnalyzer, foldToSimplified, isCjkWord, quoteLexeme, Speller, TextAnalyzer } from '@xkx/text-zh';
import { DataSource, EntityManager } from 'typeorm';
import { fieldPaths, TaxonomyService } from '@xkx/api/modules/taxonomy/taxonomy.service';

/** The weighted parts of a listing's search document. */
export interface SearchParts {
  /** weight A; its pinyin keys go to weight D */
  title: string;
  /** weight B */
  keywords: string;
  /** weight C */
  body: string;
  /** weight D: the names of these fields and of their ancestors (NE.BAT → 储能与动力电池, 新能源) */
  fieldCodes: readonly string[];
}

/**
 * ts_rank_cd weights for D, C, B, A. D (field names, pinyin keys) is so far below the text that a listing found
 * only through its field or the pinyin of its title ranks after the listings that say the words (one C-weight
 * match in a long summary is worth ~0.02 after length normalisation; a dozen D matches ~0.01).
 */
export const RANK_WEIGHTS = '{0.001, 0.2, 0.4, 1.0}';

/** How much a hit through narrower terms only (人工智能 → 机器视觉) counts against a direct hit. */
export const NARROWER_RANK_FACTOR = 0.5;

export interface HighlightSegment {
  text: string;
  match: boolean;
}

const TABLE: Record<ListingKind, 'result' | 'need'> = { RESULT: 'result', NEED: 'need' };

/** Tables whose rows carry a `search_doc` written by this service: listings, experts and laboratories (issue 16). */
export type SearchTable = 'result' | 'need' | 'expert' | 'laboratory';

/**
 * Chinese search text: the analyzer (jieba + lexicons + admin synonyms + bigrams) turns listings into
 * PostgreSQL tsvectors and queries into tsqueries. Both PostgreSQL and PGlite lack a Chinese parser,
 * so segmentation happens here and the same SQL runs on both.
 */
@Injectable()
export class SearchTextService implements OnModuleInit {
  private readonly logger = new Logger(SearchTextService.name);
  private analyzer: TextAnalyzer = createAnalyzer({ synonyms: [] });
  /** The synonym groups `analyzer` was built from (matching fingerprints its snapshots with them). */
  private groups: unknown = [];
  private synonymsLoaded = false;
  /** code → "中文名 English name", for the field part of search documents. */
  private fieldNames = new Map<string, string>();
  /** Active fields with the analyzer's tokens of their Chinese name, for related-field suggestions (lazy). */
  private fieldTokens: Array<{ field: RelatedField; words: Set<string>; bigrams: Set<string> }> | null = null;
  private speller: Speller | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyService,
  ) {}

  /** createApp loads them right after the migrations (the seed needs them); this covers other bootstraps. */
  async onModuleInit(): Promise<void> {
    if (!this.synonymsLoaded) await this.reloadSynonyms();
  }

  /** Reloads the synonym groups and the field names (both go into search documents). */
  async reloadSynonyms(): Promise<void> {
    try {
      const [groups, fields] = await Promise.all([this.taxonomy.synonymGroups(), this.taxonomy.fieldNames()]);
      this.analyzer = createAnalyzer({ synonyms: groups });
      this.groups = groups;
      this.fieldNames = fields;
      this.fieldTokens = null;
      this.speller = null;
      this.synonymsLoaded = true;
    } catch (error) {
      // Before the first migration (fresh database) the table is missing; migrations run next.
      this.logger.warn(`synonyms not loaded yet: ${String(error)}`);
    }
  }

  get textAnalyzer(): TextAnalyzer {
    return this.analyzer;
  }

  /** The synonym groups the current analyzer was built from. */
  get synonymGroups(): unknown {
    return this.groups;
  }

  /** Writes the listing's search document; call inside the transaction that changed it. */
  async index(manager: EntityManager, kind: ListingKind, id: string, parts: SearchParts): Promise<void> {
    await this.indexRow(manager, TABLE[kind], id, parts);
  }

  /** Writes any searchable row's document (the same four weights as a listing's). */
  async indexRow(manager: EntityManager, table: SearchTable, id: string, parts: SearchParts): Promise<void> {
    const a = this.analyzer.searchDocument(parts.title);
    const b = this.analyzer.searchDocument(parts.keywords);
    const c = this.analyzer.searchDocument(parts.body);
    // A field created since the last load: its name is read once (a rename re-indexes everything instead).
    if (fieldPaths(parts.fieldCodes).some((code) => !this.fieldNames.has(code))) {
      this.fieldNames = await this.taxonomy.fieldNames();
      this.fieldTokens = null;
      this.speller = null;
    }
    const d = this.sideDocument(parts.title, parts.fieldCodes);
    await manager.query(
      `UPDATE "${table}" SET search_doc =
         setweight(to_tsvector('simple', $1), 'A') || setweight(to_tsvector('simple', $2), 'B') || setweight(to_tsvector('simple', $3), 'C') || setweight(to_tsvector('simple', $4), 'D')
       WHERE id = $5`,
      [a, b, c, d, id],
    );
  }

  /**
   * The weight-D part of a search document: the names (Chinese and English) of the fields and their ancestors,
   * and the pinyin keys of the title's words (lidianchi, ldc). Uses the field names loaded last.
   */
  sideDocument(title: string, fieldCodes: readonly string[]): string {
    const fieldText = fieldPaths(fieldCodes).map((code) => this.fieldNames.get(code) ?? '');
    return [this.analyzer.searchDocument(...fieldText), ...this.analyzer.pinyinKeys(title)].join(' ');
  }

  /**
   * What the query's words may have meant: pinyin or initials → a word, a homophone or one wrong character →
   * a word of the lexicons, the synonym list or the field names. The caller checks which have hits.
   */
  corrections(q: string, limit = 5): string[] {
    this.speller ??= new Speller([...this.analyzer.synonyms.terms, ...this.fieldWords()]);
    return this.speller.suggest(q, limit);
  }

  /**
   * Active fields whose Chinese names share words (counting double) or character bigrams with any of the
   * texts, most shared first, then by code.
   */
  async relatedFields(texts: readonly string[], limit = 5): Promise<RelatedField[]> {
    if (!this.fieldTokens) {
      const rows = await this.taxonomy.activeFields();
      this.fieldTokens = rows.map((field) => {
        const { words, bigrams } = this.analyzer.analyze(field.nameZh);
        return { field, words: new Set(words), bigrams: new Set(bigrams) };
      });
    }
    const words = new Set<string>();
    const bigrams = new Set<string>();
    for (const text of texts) {
      const analyzed = this.analyzer.analyze(text);
      analyzed.words.forEach((w) => words.add(w));
      analyzed.bigrams.forEach((b) => bigrams.add(b));
    }
    return this.fieldTokens
      .map(({ field, words: fw, bigrams: fb }) => ({ field, score: 2 * [...words].filter((w) => fw.has(w)).length + [...bigrams].filter((b) => fb.has(b)).length }))
      .filter((f) => f.score > 0)
      .sort((a, b) => b.score - a.score || (a.field.code < b.field.code ? -1 : 1))
      .slice(0, limit)
      .map((f) => f.field);
  }

  /** The words of the field names (储能与动力电池 → 储能, 动力电池 …), for the speller's vocabulary. */
  private fieldWords(): string[] {
    const words: string[] = [];
    for (const name of this.fieldNames.values()) {
      const zh = name.split(' ')[0] ?? '';
      words.push(zh, ...this.analyzer.analyze(zh, { bigrams: false }).surfaces);
    }
    return words;
  }

  /**
   * The query with every word that has narrower terms replaced by them (人工智能 → 机器视觉 | 大语言模型 …);
   * '' when none has. Search adds what it finds, ranked at `NARROWER_RANK_FACTOR` of a direct hit.
   */
  narrowerTsQuery(q: string): string {
    return this.analyzer.narrowerTsQuery(q);
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
