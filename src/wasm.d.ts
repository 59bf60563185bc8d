/// <reference lib="esnext.disposable" />
// (wasm-bindgen declares `Corpus[Symbol.dispose]`: the line above lets a
// project whose target is older than ESNext, say ES2022, type-check it. This
// file opens the generated .d.ts, so the directive stays in front of every
// statement, where TypeScript reads it.)
/** A half-open range `start..end` in UTF-16 code units: `text.slice(start, end)`. */
export interface Span { start: number; end: number }

/** A document's fields and counts, as `corpus.documents()` lists them. */
export interface DocumentSummary {
  id: string;
  title: string;
  publication: string | null;
  volume: number | null;
  issue: number | null;
  /** ISO date at year, month or day precision: "2005", "2005-11", "2005-11-17". */
  date: string | null;
  /** How the date fields were obtained: the record, the volume number, or the article's source citations. */
  dateSource: "metadata" | "volume" | "citations" | null;
  year: number | null;
  /** Every other string or number field of the record. */
  metadata: Record<string, string | number>;
  /** Length of `text` in UTF-16 code units. */
  chars: number;
  words: number;
  sentences: number;
  paragraphs: number;
}

/** A document with its text, paragraphs and sentences. */
export interface DocumentDetail extends Omit<DocumentSummary, "sentences" | "paragraphs"> {
  text: string;
  paragraphs: Span[];
  sentences: Span[];
}

export interface CorpusStats {
  documents: number;
  paragraphs: number;
  sentences: number;
  words: number;
  chars: number;
  /** Distinct tokens, compared case-insensitively. */
  vocabulary: number;
}

export type EntityType = "person" | "place" | "organization" | "media" | "nationality" | "event" | "date" | "money" | "quantity";

/** `docId`: counted in that document; `query`: counted in the documents the query matches (`search`'s `facets` option counts documents per entity in the same call). */
export interface EntityOptions { types?: EntityType[]; minCount?: number; limit?: number; docId?: string; query?: string }
/** A canonical entity; `id` is `type:slug`, such as `person:yoshiro-mori`. */
export interface Entity { id: string; name: string; type: EntityType; aliases: string[]; count: number; documents: number }
export interface EntityDetail extends Entity { perDocument: { docId: string; count: number }[] }
export interface MentionOptions { limit?: number }
/** A mention and the sentence holding it, UTF-16 offsets into the document text. */
export interface Mention { docId: string; start: number; end: number; text: string; sentence: Span }
export interface Annotation { start: number; end: number; text: string; type: EntityType; entityId: string; name: string }
export interface CitationOptions { docId?: string }
/** A parenthetical source citation, "(Kyodo, Itar-Tass, March 25)"; dates ISO. */
export interface Citation { docId: string; start: number; end: number; sources: { name: string; entityId: string | null; dates: string[] }[] }
/** An alias table entry: every alias becomes `name`. */
export interface AliasEntry { name: string; type: EntityType; aliases: string[] }
/** An entity as a reviewer names it: its canonical name (compared ignoring case) and its type. */
export interface EntityKey { name: string; type: EntityType }
/** The entity `name` of type `from` is of type `to` (its id takes the new type; the former id still finds it). */
export interface TypeOverride { name: string; from: EntityType; to: EntityType }
/**
 * The whole alias table (`corpus.aliases()`; `corpus.setAliases(table)` takes it, any list left out being empty):
 * its entries; type overrides; entities that are not entities (dropped from every list, network, facet and annotation);
 * entities reviewed and accepted (a mark only).
 */
export interface AliasTable { entries?: AliasEntry[]; types?: TypeOverride[]; notEntities?: EntityKey[]; reviewed?: EntityKey[] }
export interface ExtractOptions { date?: string }
export interface ExtractedEntity { start: number; end: number; text: string; type: EntityType; name: string }

export type CooccurUnit = "sentence" | "paragraph" | "document" | "window";
export type AssociationMeasure = "count" | "pmi" | "npmi" | "llr" | "chi2" | "dice" | "logdice" | "jaccard" | "tscore";
/** `measures()`: every measure with the name a reader sees ("logDice"), in the order a menu lists them. */
export interface MeasureInfo { id: AssociationMeasure; label: string }
/** Options of `corpus.cooccurrence` (ranges in the README). */
export interface CooccurrenceOptions {
  unit?: CooccurUnit; window?: number; measure?: AssociationMeasure; minCount?: number; minScore?: number; maxP?: number;
  types?: EntityType[]; entities?: string[]; query?: string; dateFrom?: string; dateTo?: string; limit?: number; nodes?: number;
  /** Count each distinct sentence, paragraph or document once: a unit whose words repeat an earlier one's is not counted (not with `window`). */
  distinct?: boolean;
}
export interface NetworkNode {
  id: string; name: string; type: EntityType; count: number; degree: number; weightedDegree: number; betweenness: number; community: number;
}
export interface NetworkEdge { source: string; target: string; count: number; expected: number; score: number; pValue: number }
/** `units` is N, the number of units (tokens, for windows) counted over; `totalEdges`, the edges that passed every filter before `limit` kept the strongest. */
export interface Network { unit: CooccurUnit; measure: AssociationMeasure; units: number; nodes: NetworkNode[]; edges: NetworkEdge[]; totalEdges: number }
/** `corpus.cooccurrenceColumns`: the network in columns; edge `source`/`target` index the node columns. */
export interface NetworkColumns {
  unit: CooccurUnit; measure: AssociationMeasure; units: number; totalEdges: number;
  nodes: { id: string[]; name: string[]; type: EntityType[]; count: Float64Array; degree: Float64Array; weightedDegree: Float64Array; betweenness: Float64Array; community: Uint32Array };
  edges: { source: Uint32Array; target: Uint32Array; count: Float64Array; expected: Float64Array; score: Float64Array; pValue: Float64Array };
}
export interface MatrixOptions extends Omit<CooccurrenceOptions, "limit" | "nodes"> { size?: number }
/** Row-major size×size cells; the diagonal count is 0 (own counts in `frequencies`); scores null where count is 0. */
export interface CooccurrenceMatrix {
  unit: CooccurUnit; measure: AssociationMeasure; units: number; size: number;
  ids: string[]; names: string[]; types: EntityType[]; frequencies: number[];
  counts: number[]; scores: (number | null)[]; pValues: (number | null)[];
}
export interface TimelineOptions { entities?: string[]; types?: EntityType[]; query?: string; bucket?: "year" | "month" | "issue" | "document" | `field:${string}` }
export interface Timeline {
  bucket: string; buckets: string[]; tokens: number[];
  series: { id: string; name: string; type: EntityType; values: number[]; total: number }[];
}
export interface KeynessOptions { target: string; reference?: string; measure?: "llr" | "chi2" | "logratio"; limit?: number; minCount?: number }
/** A key term: its counts, score and p-value; `qValue` the p-value adjusted (Benjamini–Hochberg) over every term at the minimum count on either side; frequencies per million words of each side; the log ratio (effect size); the words of each side. */
export interface KeyTerm { term: string; target: number; reference: number; score: number; pValue: number; qValue: number; targetPerMillion: number; referencePerMillion: number; logRatio: number; targetWords: number; referenceWords: number }
export interface CollocateOptions { window?: number; measure?: AssociationMeasure; minCount?: number; limit?: number; stopwords?: boolean }
export interface Collocate { term: string; count: number; expected: number; score: number; pValue: number }
export interface EvidenceOptions { unit?: CooccurUnit; window?: number; limit?: number; query?: string; dateFrom?: string; dateTo?: string; distinct?: boolean }
/** A unit holding both entities; offsets are UTF-16 into the document text. */
export interface EvidenceUnit { docId: string; start: number; end: number; text: string; mentions: { start: number; end: number; entityId: string }[] }

/** Approximate heap bytes a corpus holds, by part. */
export interface MemoryUsage { text: number; documents: number; index: number }

/**
 * A record or file skipped while loading (only with `skipInvalid: true`), or
 * what a reader replaced or left out of a file (`replaced-bytes`, `skipped-item`, …; line 0).
 */
export interface LoadWarning { file: string; line: number; message: string; kind: CorpusErrorKind | ReaderWarningKind }
/** What the readers module replaced or left out while reading a file. */
export type ReaderWarningKind = "replaced-bytes" | "skipped-item" | (string & {});
/** A file a corpus was loaded from (`corpus.sources()`): `encoding` is null for a file given as text; `fields` names the fields that gave each role, e.g. `{text: ['body'], title: ['headline']}`. */
export interface LoadedSource {
  name: string;
  encoding: string | null;
  documents: number;
  skipped: number;
  fields: { text?: string[]; title?: string[]; date?: string[]; publication?: string[]; author?: string[] };
}

/**
 * A file for `Corpus.load`, its extension choosing the format: its text; or
 * its raw bytes (as `File.arrayBuffer()` gives them), decoded by the engine
 * (UTF-8, UTF-16 with a byte-order mark) or read by the readers module (web
 * pages, feeds, Word, archives, other encodings); or what the readers module
 * made of a file (`ReadFile`). `fields` names the fields that hold its text,
 * title, … for this file alone (as the `fields` load option does for all).
 */
export type SourceFile = ({ name: string; content: string } | { name: string; bytes: Uint8Array } | ReadFile) & { fields?: FieldNames };
/** What the readers module makes of a file: records, text, or why it could not be read; with an archive's folder, the encoding and the reader's warnings. */
export type ReadFile = ({ content: string } | { records: Record<string, unknown>[] } | { failure: { kind: string; message: string } }) & {
  name: string; folder?: string; encoding?: string; warnings?: { kind: ReaderWarningKind; message: string }[];
};
export interface FieldNames { text?: string; title?: string; date?: string; publication?: string; author?: string }
/** `Corpus.previewFile`: the first records of a file, every field met (in the order met) and each record's values as text, cut to 200 characters. */
export interface FilePreview { columns: string[]; text: string | null; rows: string[][] }

/** Options of `corpus.search` (see the README for ranges). */
export interface SearchOptions {
  limit?: number; offset?: number; unit?: "document" | "paragraph" | "sentence";
  snippetLength?: number; k1?: number; b?: number; titleBoost?: number;
  /** Count facets over every match, not only the hits returned: `true` for the defaults. */
  facets?: boolean | FacetOptions;
}

/**
 * `entities`: entities listed per type, 0–1,000 (default 10; 0: none).
 * `types`: the entity types counted (default: person, place, organization, media, nationality, event).
 */
export interface FacetOptions { entities?: number; types?: EntityType[]; metadata?: number }
/** A facet value and the number of matching documents that have it. */
export interface FacetCount<T> { value: T; count: number }
/** An entity and the number of matching documents that mention it. */
export interface EntityFacet { id: string; name: string; type: EntityType; count: number }
/** How the matching documents divide; every count counts documents with at least one match. */
export interface Facets {
  /** Documents with at least one match (`total` counts units when `unit` is not `document`). */
  documents: number;
  /** Most documents first, ties by name; documents without a publication are left out. */
  publication: FacetCount<string>[];
  /** Earliest year first; undated documents are left out. */
  year: FacetCount<number>[];
  /** Each type asked for (perhaps with an empty list): its top entities, most documents first, ties by name then id. */
  entities: Partial<Record<EntityType, EntityFacet[]>>;
  /** Each metadata field of the corpus, in lower case: its values, most documents first (ties by value), at most `metadata` of them. */
  metadata: Record<string, FacetCount<string>[]>;
}

export interface SearchHit {
  docId: string;
  score: number;
  /** The unit's span in the document text (UTF-16). */
  start: number;
  end: number;
  /** `highlights` are UTF-16 offsets into `snippet.text`. */
  snippet: { text: string; highlights: Span[] };
}

export interface SearchResults {
  query: string;
  unit: "document" | "paragraph" | "sentence";
  total: number;
  hits: SearchHit[];
  /** What each prefix (`kuril*`) or fuzzy (`kunashir~1`) word stood for. */
  expansions?: { term: string; matched: number; forms: string[]; truncated: boolean }[];
  /** Only when the `facets` option asks for them. */
  facets?: Facets;
}

/** `docId`: only that document's matches. */
/** One level of a concordance's order: the document, the words before or after the match, the match, or the nth word before (`"1L"`) or after (`"1R"`) it. */
export type KwicSort = "document" | "left" | "right" | "match" | "1L" | "2L" | "3L" | "4L" | "5L" | "1R" | "2R" | "3R" | "4R" | "5R";
/** `sort`: one level or up to three, most significant first; `offset`: lines of the ordered concordance to skip (paging). */
export interface KwicOptions { width?: number; limit?: number; offset?: number; sort?: KwicSort | KwicSort[]; docId?: string }
export interface KwicLine { docId: string; start: number; end: number; left: string; match: string; right: string }
export interface Kwic { total: number; lines: KwicLine[] }

export interface TermsOptions { limit?: number; stopwords?: boolean | string[] }
export interface TermCount { term: string; count: number; documents: number }

export interface TrendOptions { bucket?: "year" | "month" | "issue" | "document" | `field:${string}` }
export interface Trend { query: string; bucket: string; labels: string[]; counts: number[]; words: number[] }

export interface LoadOptions {
  /** false (default): the first bad record throws. true: bad records are skipped and listed in `warnings()`. */
  skipInvalid?: boolean;
  /** The fields holding each role, where their names are none of those recognised (text: text, body, content, article, full_text, story; title: title, headline; date: date, published, published_at, pubDate, datePublished, created_at; publication: publication, source, outlet, site; author: author, byline). */
  fields?: FieldNames;
  /** The order of numeric dates such as 03/04/2005, which are refused without it when they could be read both ways. */
  dateOrder?: "dmy" | "mdy" | "ymd";
}

/** What a failure is: the error kinds of the engine; `internal` is a bug in the engine (a broken invariant, or a result that could not be converted), never a problem with the input. */
export type CorpusErrorKind =
  | "syntax" | "invalid-record" | "missing-text" | "missing-text-column" | "duplicate-id" | "unsupported-file" | "not-text" | "unreadable-file" | "too-large" | "empty-corpus"
  | "unknown-document" | "invalid-query" | "invalid-argument" | "internal";

/**
 * What every function and method throws: an `Error` whose `message` names the problem and where it is.
 * (`catch (e) { if ((e as CorpusError).kind === "invalid-query") … }`)
 */
export interface CorpusError extends Error {
  kind: CorpusErrorKind;
  /** `invalid-query` only: where in the query, in UTF-16 code units (`query.slice(position)` starts there). */
  position?: number;
  /** An error in a file or record (`syntax`, `invalid-record`, `duplicate-id`): the file name (`documents` for records given to `fromDocuments`)... */
  file?: string;
  /** ...and its 1-based line (the record number for `fromDocuments`). */
  line?: number;
}

/** `corpus.duplicates` options: the least estimated similarity (0.5–1, default 0.8) and the fewest words of a passage compared (1–10,000, default 10). */
export interface DuplicateOptions { threshold?: number; minWords?: number }
/** A passage of a document, in UTF-16 code units. */
export interface Passage { docId: string; start: number; end: number }
/** Passages that repeat each other, in corpus order. */
export interface DuplicateGroup {
  /** The lowest estimated Jaccard similarity (of three-word shingles) of the pairs that joined the group. */
  similarity: number;
  /** The first member's text. */
  text: string;
  members: Passage[];
}
/** The repeated documents and paragraphs; groups with the most members first. */
export interface Duplicates {
  documents: DuplicateGroup[];
  paragraphs: DuplicateGroup[];
  /** Paragraphs that repeat an earlier one (each group's members but the first), and their words. */
  repeatedParagraphs: number;
  repeatedWords: number;
}
