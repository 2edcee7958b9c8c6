// Screening of free text for personal data (PRODUCT.md §4). Runs on every outbound message, so the
// namenlijst is compiled once per screener into a character trie and the text is scanned in one pass.
//
// What is found, and at which level:
// - naam (persoon): a member's full name; the surname with its tussenvoegsels ("de Vries"); and each
//   single name part of at least 3 letters that is not a tussenvoegsel or a common Dutch word
//   (so "Jan", "Vries", "Yilmaz" are found; "de", "van" and a surname like "Bos" alone are not;
//   "de Bos" still is). First names alone are found on purpose: groups talk about "Mo en Dani".
// - bijnaam (persoon): each bijnaam as a whole (at least 2 characters).
// - naam without memberId (persoon): a first name from the lexicon (screening-voornamen.ts), also
//   without a namenlijst (steps 1 and 2A). Only when its first letter is a capital in the original
//   text ("Roos" yes, "roos" no). Names that are also Dutch words (Ben, Mark, Roos …) count at the
//   start of a sentence only when a capitalised word follows ("Ben Jansen"). A following surname
//   ("Kevin Jansen", "Kevin de Vries") is part of the fragment; a name that is part of a street
//   name ("Jan van Galenstraat") is not a finding.
// - adres (persoon): a word ending in a street suffix (straat, weg, laan, plein …, at least two
//   letters before it) followed by a house number ("Dorpsstraat 4", "Kerkweg 3-5", "Stationsplein
//   12a"), unless the number is a time, a year or a count ("Stationsplein 20 jongeren"). A street
//   without a number is group level. A member's adres on the namenlijst is matched like a name;
//   the woonplaats alone is not a finding.
// - geboortedatum (persoon): a member's birth date in numeric (12-03-2009, 12/3/2009, 12.03.2009,
//   2009-03-12) or written form ("12 maart 2009", "12 mrt. 2009").
// - datum (persoon): any other full date (4-digit year) right after "geboren", "geb.",
//   "geboortedatum" or "DOB". Other dates (meetings, incidents) are not findings.
// - bsn (bijzonder): 9 digits, optionally grouped with spaces or dots, passing the elfproef.
// - postcode_huisnummer, telefoon, email (persoon).
// Normalisation per code point: drop format chars (\p{Cf}: zero-width, soft hyphen, BOM, bidi marks
// and isolates), NFKD (compatibility forms such as full-width letters, same effect as NFKC once
// marks are dropped), drop combining marks, map Cyrillic/Greek look-alikes to Latin, lowercase;
// non-ASCII punctuation becomes a space. Findings carry the original fragment.
// Names, bijnamen and members' birth dates are matched whole-word, case-, diacritics-, homoglyph-
// and invisible-character-insensitively. Two-digit years are not recognised. Removed members are
// still screened: their names remain personal data.
import { maxLevel } from './levels.js';
import { VOORNAMEN, VOORNAMEN_AMBIGU } from './screening-voornamen.js';
import type { FindingKind, Level, Member, ScreeningFinding, ScreeningResult } from './types.js';

export interface Screener {
  screen(text: string): ScreeningResult;
}

/** The highest of the declared level and what screening found. Screening only ever raises. */
export function effectiveLevel(declared: Level, screened: ScreeningResult): Level {
  return maxLevel(declared, screened.level);
}

// ---- Normalisation --------------------------------------------------------------------------

/** Latin look-alikes, applied before lowercasing so upper- and lowercase forms map to their own twin. */
const HOMOGLYPHS: Record<string, string> = {
  // Cyrillic
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y',
  І: 'I', Ј: 'J', Ѕ: 'S', Ԁ: 'D', Һ: 'H', Ӏ: 'I', Ԛ: 'Q', Ԝ: 'W',
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', х: 'x', у: 'y',
  і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', һ: 'h', ӏ: 'l', ԛ: 'q', ԝ: 'w', ё: 'e', ї: 'i',
  // Greek
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T',
  Υ: 'Y', Χ: 'X',
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', η: 'n',
  // Latin look-alikes NFKD leaves alone
  ı: 'i', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE',
};

const FORMAT_CHAR = /^\p{Cf}$/u; // zero-width chars, soft hyphen, BOM, bidi marks and isolates …
const MARKS = /\p{M}/gu;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

const foldCache = new Map<number, string>();

/** Normalised form of one code point: NFKC-compatible, no marks, homoglyphs mapped, lowercase. */
function foldCodePoint(cp: number): string {
  let folded = foldCache.get(cp);
  if (folded !== undefined) return folded;
  const ch = String.fromCodePoint(cp);
  if (FORMAT_CHAR.test(ch)) {
    folded = '';
  } else {
    let out = '';
    for (const c of ch.normalize('NFKD').replace(MARKS, '')) out += HOMOGLYPHS[c] ?? c;
    folded = out.toLowerCase().normalize('NFD').replace(MARKS, '');
    // Non-ASCII punctuation and symbols (’ “ – … ‑) become a space: a separator for whole-word
    // matching, so that every non-ASCII char left in the normalised text is a letter or digit.
    if (folded.length === 1 && folded.charCodeAt(0) >= 0x80 && !WORD_CHAR.test(folded)) folded = ' ';
  }
  if (foldCache.size < 10_000) foldCache.set(cp, folded);
  return folded;
}

/**
 * Normalised text with a piecewise map back to the original: ASCII runs map one-to-one (only
 * lowercased); every other code point is one segment whose folded chars all map to it.
 */
interface Normalised {
  text: string;
  /** Segment starts in the normalised text, ascending; empty when the text was plain ASCII. */
  segNorm: number[];
  segOrig: number[];
  /** 0 for an ASCII run (identity), else the original width of the code point. */
  segWidth: number[];
}

const NON_ASCII = /[^\t\n\r\x20-\x7e]/;

export function normalise(text: string): string {
  return normaliseWithMap(text).text;
}

function normaliseWithMap(text: string): Normalised {
  const segNorm: number[] = [];
  const segOrig: number[] = [];
  const segWidth: number[] = [];
  if (!NON_ASCII.test(text)) return { text: text.toLowerCase(), segNorm, segOrig, segWidth };
  let out = '';
  let i = 0;
  const len = text.length;
  while (i < len) {
    // ASCII run: copied in one slice.
    let j = i;
    while (j < len && text.charCodeAt(j) < 0x80) j++;
    if (j > i) {
      segNorm.push(out.length);
      segOrig.push(i);
      segWidth.push(0);
      out += text.slice(i, j).toLowerCase();
      i = j;
      continue;
    }
    const cp = text.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldCodePoint(cp);
    if (folded.length > 0) {
      segNorm.push(out.length);
      segOrig.push(i);
      segWidth.push(width);
      out += folded;
    }
    i += width;
  }
  return { text: out, segNorm, segOrig, segWidth };
}

/** Original [start, end) of the normalised range [from, to). */
function originalRange(n: Normalised, from: number, to: number): [number, number] {
  if (n.segNorm.length === 0) return [from, to];
  return [originalIndex(n, from, false), originalIndex(n, to - 1, true)];
}

/**
 * Original index of normalised index `idx` (its end when `end`). A top-level function, not a
 * closure: it runs for every capitalised word, and tsx wraps closures in a naming helper.
 */
function originalIndex(n: Normalised, idx: number, end: boolean): number {
  let lo = 0;
  let hi = n.segNorm.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (n.segNorm[mid]! <= idx) lo = mid;
    else hi = mid - 1;
  }
  const w = n.segWidth[lo]!;
  if (w === 0) return n.segOrig[lo]! + (idx - n.segNorm[lo]!) + (end ? 1 : 0);
  return n.segOrig[lo]! + (end ? w : 0);
}

// ---- Name trie ------------------------------------------------------------------------------

interface NameHit {
  kind: 'naam' | 'bijnaam' | 'adres';
  memberId: string;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  hits: NameHit[] | null;
}

const newNode = (): TrieNode => ({ next: new Map(), hits: null });

const TUSSENVOEGSELS = new Set([
  'van', 'de', 'der', 'den', 'het', 't', 'ter', 'ten', 'te', 'op', 'in', 'la', 'le', 'du', 'da', 'di', 'del',
  'della', 'des', 'dos', 'el', 'al', 'bin', 'ben', 'ibn', 'von', 'zu', 'uit', 'aan', 'bij', 'onder', 'over', 'vd',
]);

/** Common Dutch words that are also name parts; alone they are not findings (with context they are). */
const COMMON_WORDS = new Set([
  'een', 'het', 'die', 'dat', 'deze', 'wat', 'wie', 'waar', 'hoe', 'met', 'voor', 'naar', 'niet', 'ook', 'als',
  'maar', 'dan', 'nog', 'wel', 'zijn', 'was', 'had', 'heeft', 'hun', 'hem', 'haar', 'zij', 'wij', 'jij', 'ons',
  'veel', 'alle', 'iedereen', 'groep', 'jongeren', 'school', 'straat', 'buurt', 'park', 'plein',
  'bos', 'boer', 'jong', 'groot', 'klein', 'wit', 'zwart', 'rood', 'berg', 'hoek', 'beek', 'dijk', 'veen',
  'wal', 'kok', 'bakker', 'visser', 'koning', 'vos', 'haan', 'brug', 'laan', 'kerk', 'molen', 'meer', 'boom',
  'bloem', 'roos', 'linde', 'winter', 'zomer', 'lente', 'mei', 'juni', 'mars', 'goed', 'best', 'lang', 'kort',
  'man', 'baas', 'heer', 'hof', 'huis', 'kamp', 'poort', 'steen', 'water', 'wind', 'zon', 'ster',
  'mol', 'muis', 'kat', 'hond', 'paard', 'vogel', 'uil', 'leeuw', 'wolf', 'beer', 'das', 'ree', 'hert',
]);

function wordsOf(s: string): string[] {
  return normalise(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

function addPattern(root: TrieNode, words: string[], hit: NameHit): void {
  const key = words.join(' ');
  let node = root;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    let next = node.next.get(c);
    if (!next) {
      next = newNode();
      node.next.set(c, next);
    }
    node = next;
  }
  const hits = (node.hits ??= []);
  if (!hits.some((h) => h.kind === hit.kind && h.memberId === hit.memberId)) hits.push(hit);
}

/** The name patterns of one member; exported for documentation and tests. */
export function namePatterns(naam: string): string[][] {
  const words = wordsOf(naam);
  if (words.length === 0) return [];
  const out: string[][] = [words];
  // Surname with its tussenvoegsels: from the first tussenvoegsel after the first name on.
  const tv = words.findIndex((w, i) => i > 0 && TUSSENVOEGSELS.has(w));
  if (tv > 0 && tv < words.length - 1) out.push(words.slice(tv));
  for (const w of words) {
    if (w.length >= 3 && !TUSSENVOEGSELS.has(w) && !COMMON_WORDS.has(w)) out.push([w]);
  }
  return out;
}

function buildTrie(members: Member[]): TrieNode {
  const root = newNode();
  for (const m of members) {
    for (const p of namePatterns(m.naam)) addPattern(root, p, { kind: 'naam', memberId: m.id });
    for (const b of m.bijnamen) {
      const words = wordsOf(b);
      if (words.join(' ').length >= 2) addPattern(root, words, { kind: 'bijnaam', memberId: m.id });
    }
    // The adres (street + number) is personal data; the woonplaats alone is group level.
    if (m.adres) {
      const words = wordsOf(m.adres);
      if (words.length >= 2 && words.some((w) => ANY_DIGIT.test(w))) addPattern(root, words, { kind: 'adres', memberId: m.id });
    }
  }
  return root;
}

// ---- Patterns -------------------------------------------------------------------------------

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, februari: 2, feb: 2, maart: 3, mrt: 3, april: 4, apr: 4, mei: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, augustus: 8, aug: 8, september: 9, sept: 9, sep: 9, oktober: 10, okt: 10, november: 11,
  nov: 11, december: 12, dec: 12,
};

const DATE_RE = new RegExp(
  String.raw`(?<!\d)(?:(\d{1,2})([-/.])(\d{1,2})\2(\d{4})|(\d{4})([-/.])(\d{1,2})\6(\d{1,2})|(\d{1,2})\s+(` +
    Object.keys(MONTHS).join('|') +
    String.raw`)\.?\s+(\d{4}))(?!\d)`,
  'g',
);
const BIRTH_CONTEXT = /(?:^|[^\p{L}\p{N}])(?:geboren|geb|geboortedatum|geboortedag|dob|d\.o\.b)[^\p{L}\p{N}]*(?:op[^\p{L}\p{N}]+)?$/u;
const PHONE_RE =
  /(?<![\d+])(?:(?:(?:\+|00)31[ .-]?(?:\(0\)[ .-]?)?|0)\d(?:(?: - |[ .-])?\d){8}|\(0(?:\d{2}\)\s?\d(?:[ .-]?\d){6}|\d{3}\)\s?\d(?:[ .-]?\d){5}))(?!\d)/g;
const BSN_RE = /(?<!\d)\d(?:[ .]?\d){8}(?!\d)/g;
const POSTCODE_RE =
  /(?<![\p{L}\p{N}])([1-9]\d{3}) ?([a-z]{2})(?![\p{L}\p{N}])[ ,]*(?:nr\.? ?)?\d{1,5}(?:(?: ?[a-z]|-\d{1,4})(?![\p{L}\p{N}]))?(?!\d)/gu;
const ANY_DIGIT = /\d/;
const EMAIL_RE = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/g;
/** Two-letter Dutch words that look like postcode letters when written in lowercase ("2019 op 12"). */
const POSTCODE_STOP = new Set(['op', 'en', 'in', 'om', 'of', 'te', 'is', 'de', 'al', 'nu', 'zo', 'ze', 'we', 'je', 'er', 'na', 'ik', 'uw', 'nr', 'ca', 'tm', 'an', 'am', 'pm', 'uur']);

export function elfproef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || digits === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (digits.charCodeAt(i) - 48) * (9 - i);
  sum -= digits.charCodeAt(8) - 48;
  return sum % 11 === 0;
}

function validYmd(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// ---- Screener -------------------------------------------------------------------------------

interface ScanState {
  text: string;
  norm: Normalised;
  findings: ScreeningFinding[];
}

function fragmentAt(st: ScanState, from: number, to: number): string {
  const [a, b] = originalRange(st.norm, from, to);
  return st.text.slice(a, b);
}

/** Adds a finding unless the same kind, member and fragment was already found. */
function addFinding(st: ScanState, kind: FindingKind, level: Level, from: number, to: number, memberId?: string): void {
  const fragment = fragmentAt(st, from, to);
  for (const f of st.findings) if (f.kind === kind && f.memberId === memberId && f.fragment === fragment) return;
  st.findings.push(memberId === undefined ? { kind, fragment, level } : { kind, fragment, memberId, level });
}

/** Spans claimed by a stricter pattern: "12-03-2009 12" is a date, not a phone number. */
function isFree(claimed: number[], a: number, b: number): boolean {
  for (let k = 0; k < claimed.length; k += 2) if (a < claimed[k + 1]! && claimed[k]! < b) return false;
  return true;
}

export function createScreener(members: Member[]): Screener {
  const root = buildTrie(members);
  const birthDates = new Map<string, string[]>();
  for (const m of members) {
    if (!m.geboortedatum) continue;
    const key = m.geboortedatum.slice(0, 10);
    const ids = birthDates.get(key) ?? [];
    ids.push(m.id);
    birthDates.set(key, ids);
  }
  const trie = compileTrie(root);

  return {
    screen(text: string): ScreeningResult {
      if (!text) return { level: 'groep', findings: [] };
      const norm = normaliseWithMap(text);
      const s = norm.text;
      // No closures per call: this runs on every message.
      const st: ScanState = { text, norm, findings: [] };
      const findings = st.findings;
      const add = addFinding;

      // One pass over the text finds names, lexicon first names and street addresses and counts
      // digits, so the number patterns only run when enough digits exist for them (a date or
      // postcode needs 5, a BSN 9, a phone number 10).
      const digits = scanWords(s, trie, st);

      if (digits >= 5) {
        // Spans claimed by a stricter pattern; later patterns skip overlapping candidates
        // (e.g. "12-03-2009 12" is a date, not a phone number).
        const claimed: number[] = [];
        for (const m of s.matchAll(DATE_RE)) {
          const from = m.index;
          const to = from + m[0].length;
          claimed.push(from, to);
          let ymd: string | null;
          if (m[1] !== undefined) ymd = validYmd(+m[4]!, +m[3]!, +m[1]);
          else if (m[5] !== undefined) ymd = validYmd(+m[5], +m[7]!, +m[8]!);
          else ymd = validYmd(+m[11]!, MONTHS[m[10]!]!, +m[9]!);
          if (!ymd) continue;
          const ids = birthDates.get(ymd);
          if (ids) {
            for (const id of ids) add(st, 'geboortedatum', 'persoon', from, to, id);
          } else if (BIRTH_CONTEXT.test(s.slice(Math.max(0, from - 32), from))) {
            add(st, 'datum', 'persoon', from, to);
          }
        }
        for (const m of digits >= 10 ? s.matchAll(PHONE_RE) : []) {
          const from = m.index;
          const to = from + m[0].length;
          if (!isFree(claimed, from, to)) continue;
          claimed.push(from, to);
          add(st, 'telefoon', 'persoon', from, to);
        }
        for (const m of digits >= 9 ? s.matchAll(BSN_RE) : []) {
          const from = m.index;
          const to = from + m[0].length;
          if (!isFree(claimed, from, to) || !elfproef(m[0].replace(/[ .]/g, ''))) continue;
          claimed.push(from, to);
          add(st, 'bsn', 'bijzonder', from, to);
        }
        for (const m of s.matchAll(POSTCODE_RE)) {
          const from = m.index;
          const to = from + m[0].length;
          if (!isFree(claimed, from, to)) continue;
          const letters = m[2]!;
          if (letters === 'sa' || letters === 'sd' || letters === 'ss') continue;
          if (POSTCODE_STOP.has(letters)) {
            // Only a postcode when the author wrote the letters in capitals ("1234 EN 5").
            const orig = fragmentAt(st, from, to);
            if (!/^[1-9]\d{3} ?[A-Z]{2}/.test(orig)) continue;
          }
          claimed.push(from, to);
          add(st, 'postcode_huisnummer', 'persoon', from, to);
        }
      }
      if (s.includes('@')) {
        for (const m of s.matchAll(EMAIL_RE)) add(st, 'email', 'persoon', m.index, m.index + m[0].length);
      }

      let level: Level = 'groep';
      for (const f of findings) level = maxLevel(level, f.level);
      return { level, findings };
    },
  };
}

// ---- Compiled trie --------------------------------------------------------------------------

/**
 * ASCII char classes: a-z → 0..25, 0-9 → 26..35, name separator (whitespace - ' .) → SEP, other
 * punctuation → -1. Every non-ASCII char left after normalisation is a letter or digit.
 */
const SEP = 36;
const WIDTH = 37;
const CLS = new Int8Array(128).fill(-1);
for (let c = 97; c <= 122; c++) CLS[c] = c - 97;
for (let c = 48; c <= 57; c++) CLS[c] = c - 48 + 26;
for (const c of [32, 9, 10, 13, 45, 39, 46]) CLS[c] = SEP;

const isWord = (c: number): boolean => c >= 0x80 || (CLS[c]! >= 0 && CLS[c]! < SEP);

/** The trie flattened into a transition table (node 0 is the root; 0 as a target means none). */
interface CompiledTrie {
  next: Int32Array;
  /** Transitions on non-ASCII chars, per node. */
  extra: (Map<number, number> | undefined)[];
  hits: (NameHit[] | null)[];
}

function compileTrie(root: TrieNode): CompiledTrie {
  const nodes: TrieNode[] = [root];
  const ids = new Map<TrieNode, number>([[root, 0]]);
  for (let k = 0; k < nodes.length; k++) {
    for (const child of nodes[k]!.next.values()) {
      ids.set(child, nodes.length);
      nodes.push(child);
    }
  }
  const next = new Int32Array(nodes.length * WIDTH);
  const extra: (Map<number, number> | undefined)[] = [];
  const hits: (NameHit[] | null)[] = [];
  nodes.forEach((node, id) => {
    hits[id] = node.hits;
    for (const [c, child] of node.next) {
      const target = ids.get(child)!;
      if (c === 32) next[id * WIDTH + SEP] = target;
      else if (c < 0x80) next[id * WIDTH + CLS[c]!] = target;
      else (extra[id] ??= new Map()).set(c, target);
    }
  });
  return { next, extra, hits };
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Walks the trie from every word start; reports the longest name match that ends on a word
 * boundary. A run of up to 3 separators in the text matches the single space in a pattern.
 * Returns the number of ASCII digits in the text.
 */
function scanWords(s: string, t: CompiledTrie, st: ScanState): number {
  const { next, extra, hits } = t;
  const len = s.length;
  let digits = 0;
  let i = 0;
  while (i < len) {
    const first = s.charCodeAt(i);
    if (!isWord(first)) {
      i++;
      continue;
    }
    let node = 0;
    let j = i;
    let bestEnd = -1;
    let bestHits: NameHit[] | null = null;
    while (j < len) {
      const c = s.charCodeAt(j);
      let target: number;
      if (c < 0x80) {
        const k = CLS[c]!;
        if (k < 0) break;
        if (k === SEP) {
          target = next[node * WIDTH + SEP]!;
          if (target === 0) break;
          let m = j + 1;
          while (m < len && m - j < 3 && CLS[s.charCodeAt(m)] === SEP) m++;
          if (m >= len || !isWord(s.charCodeAt(m))) break;
          node = target;
          j = m;
          continue;
        }
        target = next[node * WIDTH + k]!;
      } else {
        target = extra[node]?.get(c) ?? 0;
      }
      if (target === 0) break;
      node = target;
      j++;
      const h = hits[node];
      if (h && (j >= len || !isWord(s.charCodeAt(j)))) {
        bestEnd = j;
        bestHits = h;
      }
    }
    if (bestHits) {
      for (const h of bestHits) addFinding(st, h.kind, 'persoon', i, bestEnd, h.memberId);
      for (; i < bestEnd; i++) if (isDigit(s.charCodeAt(i))) digits++;
    } else {
      const start = i;
      if (isDigit(first)) digits++;
      i++;
      for (let c = s.charCodeAt(i); i < len && isWord(c); c = s.charCodeAt(++i)) if (isDigit(c)) digits++;
      // A street address: only checked when a number follows the word (rare, so cheap).
      if (i + 1 < len && s.charCodeAt(i) === 32 && isDigit(s.charCodeAt(i + 1)) && i - start > 4) {
        const end = streetAddressEnd(s, start, i);
        if (end > 0) {
          addFinding(st, 'adres', 'persoon', start, end);
          continue;
        }
      }
      // A first name from the lexicon: only capitalised words are looked up.
      // (Normalised text is lowercase, so `first >= 97` skips words that start with a digit.)
      if (i - start >= 2 && i - start <= MAX_VOORNAAM && first >= 97 && isUpperAt(st, start)) {
        const word = s.slice(start, i);
        if (LEXICON.has(word)) {
          const end = voornaamEnd(st, s, start, i, word);
          if (end > 0) addFinding(st, 'naam', 'persoon', start, end);
        }
      }
    }
  }
  return digits;
}

// ---- First-name lexicon and street addresses ---------------------------------------------------

const LEXICON: ReadonlySet<string> = new Set(VOORNAMEN.map((n) => normalise(n)));
const AMBIGUOUS: ReadonlySet<string> = new Set(VOORNAMEN_AMBIGU.map((n) => normalise(n)));
const MAX_VOORNAAM = Math.max(...[...LEXICON].map((n) => n.length));
/** "Jan Linders" is a supermarket, not a person. */
const NOT_A_PERSON = new Set(['jan linders', 'albert heijn']);

/** Whether the original char at normalised index `i` is a capital (also a Cyrillic or full-width one). */
function isUpperAt(st: ScanState, i: number): boolean {
  if (st.norm.segNorm.length === 0) {
    const c = st.text.charCodeAt(i);
    return c >= 65 && c <= 90;
  }
  const c = st.text.codePointAt(originalIndex(st.norm, i, false))!;
  if (c < 0x80) return c >= 65 && c <= 90;
  const ch = String.fromCodePoint(c);
  return ch !== ch.toLowerCase();
}

/** Sentence start: only spaces, quotes, brackets or bullets between the word and . ! ? : a newline or the text start. */
function atSentenceStart(s: string, i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const c = s.charCodeAt(k);
    if (c === 32 || c === 9 || c === 34 || c === 39 || c === 40 || c === 91 || c === 42 || c === 45) continue;
    return c === 46 || c === 33 || c === 63 || c === 58 || c === 10 || c === 13;
  }
  return true;
}

const STREET_SUFFIX =
  /(?:straat|straatje|weg|laan|plein|pleintje|singel|gracht|kade|hof|hoven|dreef|pad|steeg|markt|dijk|plantsoen|boulevard|park|haven)$/;
/** Words with a street suffix that are not streets. */
const NOT_A_STREET = new Set([
  'onderweg', 'halfweg', 'omweg', 'uitweg', 'overweg', 'snelweg', 'supermarkt', 'arbeidsmarkt', 'woningmarkt',
  'kerkhof', 'gerechtshof', 'voorhof', 'fietspad', 'voetpad', 'wandelpad', 'zebrapad', 'parkeerhaven',
]);
/** Words after a number that make it a count, time or measure, not a house number. */
const COUNT_WORDS = new Set([
  'uur', 'u', 'min', 'minuten', 'sec', 'seconden', 'keer', 'x', 'jongeren', 'jongens', 'meiden', 'meisjes', 'personen',
  'man', 'mensen', 'leerlingen', 'kinderen', 'jeugdigen', 'tieners', 'bewoners', 'agenten', 'meter', 'm', 'km',
  'procent', 'stuks', 'scooters', 'brommers', 'autos', 'auto', 'dagen', 'weken', 'maanden', 'jaar', 'meldingen',
  'incidenten', 'euro', 'of', 'tot', 'a', 'en', 'groepen', 'jongeman', 'jongemannen', 'aanhoudingen', 'boetes',
]);
const HOUSE_NUMBER = /[ ]{1,2}(\d{1,4})(?:-\d{1,4}|[ ]?[a-z](?![\p{L}\p{N}]))?(?![\p{L}\p{N}])/uy;
const AFTER_NUMBER = /^(?:[:.,]\d|[ ]*%)/;
const NEXT_WORD = /^[ ,]*([\p{L}]+)/u;

/** End of "Dorpsstraat 4a" when the word [a, b) is a street followed by a house number, else -1. */
function streetAddressEnd(s: string, a: number, b: number): number {
  const word = s.slice(a, b);
  const m = STREET_SUFFIX.exec(word);
  if (!m || word.length - m[0].length < 2 || NOT_A_STREET.has(word)) return -1;
  HOUSE_NUMBER.lastIndex = b;
  const n = HOUSE_NUMBER.exec(s);
  if (!n) return -1;
  const num = n[1]!;
  if (num.length === 4 && (num.startsWith('19') || num.startsWith('20'))) return -1; // a year
  const end = b + n[0].length;
  const rest = s.slice(end, end + 24);
  if (AFTER_NUMBER.test(rest)) return -1; // a time (20:30, 20.30) or a decimal
  const next = NEXT_WORD.exec(rest);
  if (next && n[0].endsWith(num) && COUNT_WORDS.has(next[1]!)) return -1;
  return end;
}

const NAME_GAP = /^ {1,2}((?:(?:van|de|der|den|el|al|ben|bin|ter|ten|te|la|le|da|di|du|von|vd) {1,2}){0,3})(\p{L}[\p{L}\p{N}]*(?:-\p{L}+)?)/u;

/**
 * End of the person reference that starts with lexicon name [a, b): the name alone, the name with
 * a capitalised surname ("Kevin de Vries"), or -1 when it is not a person (a street, a shop, an
 * ambiguous word at a sentence start).
 */
function voornaamEnd(st: ScanState, s: string, a: number, b: number, word: string): number {
  let end = b;
  const m = NAME_GAP.exec(s.slice(b, b + 64));
  if (m) {
    const surnameAt = b + m[0].length - m[2]!.length;
    if (isUpperAt(st, surnameAt)) {
      const surname = m[2]!;
      if (STREET_SUFFIX.test(surname)) return -1; // "Jan van Galenstraat", "Willem Alexanderlaan"
      if (NOT_A_PERSON.has(`${word} ${surname}`)) return -1;
      end = b + m[0].length;
    }
  }
  if (end === b && AMBIGUOUS.has(word) && atSentenceStart(s, a)) return -1;
  return end;
}
