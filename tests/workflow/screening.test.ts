import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAbove, isAtLeast, levelRank, maxLevel } from '../../src/workflow/levels.js';
import { createScreener, effectiveLevel, elfproef, namePatterns, normalise } from '../../src/workflow/screening.js';
import { VOORNAMEN, VOORNAMEN_AMBIGU } from '../../src/workflow/screening-voornamen.js';
import { LEVELS, type Level, type Member } from '../../src/workflow/types.js';

function member(id: string, naam: string, extra: Partial<Member> = {}): Member {
  return {
    id,
    aanpakId: 'a1',
    naam,
    bijnamen: [],
    positie: 'kern',
    bron: 'partner',
    addedAt: '2025-01-01T00:00:00.000Z',
    addedBy: 'p-regie',
    informing: { status: 'open' },
    ...extra,
  };
}

const members = [
  member('m1', 'Jöran de Vries', { bijnamen: ['Kleine J'], geboortedatum: '2009-03-12' }),
  member('m2', 'Ali Yilmaz'),
  member('m3', 'Sanne Bos'),
  member('m4', 'Mo El-Amrani', { bijnamen: ['Mootje'], geboortedatum: '2008-11-02' }),
];
const screener = createScreener(members);
const kinds = (text: string) => screener.screen(text).findings.map((f) => f.kind);
const memberIds = (text: string) => screener.screen(text).findings.map((f) => f.memberId);

describe('levels', () => {
  it('orders groep < persoon < bijzonder < opsporing < pga', () => {
    expect(LEVELS.map(levelRank)).toEqual([0, 1, 2, 3, 4]);
    expect(maxLevel()).toBe('groep');
    expect(maxLevel('persoon', 'pga', 'groep')).toBe('pga');
    expect(maxLevel('bijzonder', 'persoon')).toBe('bijzonder');
    expect(isAbove('persoon', 'groep')).toBe(true);
    expect(isAbove('persoon', 'persoon')).toBe(false);
    expect(isAtLeast('persoon', 'persoon')).toBe(true);
    expect(isAbove('opsporing', 'pga')).toBe(false);
  });
});

describe('screening: names and bijnamen', () => {
  it('finds the full name, the surname with tussenvoegsel and single name parts', () => {
    expect(memberIds('Gisteren was Jöran de Vries erbij')).toEqual(['m1']);
    expect(screener.screen('Gisteren was Jöran de Vries erbij').findings[0]).toMatchObject({
      kind: 'naam',
      fragment: 'Jöran de Vries',
      level: 'persoon',
    });
    expect(kinds('de familie De Vries is verhuisd')).toEqual(['naam']);
    expect(kinds('Jöran stond bij de ingang')).toEqual(['naam']);
    expect(kinds('Yilmaz en een vriend')).toEqual(['naam']);
    expect(kinds('mo el-amrani')).toEqual(['naam']);
    expect(kinds('El Amrani')).toEqual(['naam']);
  });

  it('finds bijnamen as a whole', () => {
    expect(screener.screen('Kleine J had de leiding').findings).toEqual([
      { kind: 'bijnaam', fragment: 'Kleine J', memberId: 'm1', level: 'persoon' },
    ]);
    expect(kinds('iemand noemde Mootje')).toEqual(['bijnaam']);
  });

  it('matches whole words only: member "Ali" does not match "alinea"', () => {
    expect(kinds('Zie de alinea hierboven over Alimentatie en Kalibers')).toEqual([]);
    expect(kinds('Ali')).toEqual(['naam']);
    expect(kinds('(ali)')).toEqual(['naam']);
  });

  it('does not report a single name part that is a common Dutch word, but does with context', () => {
    expect(namePatterns('Sanne Bos')).toEqual([['sanne', 'bos'], ['sanne']]);
    expect(kinds('ze hangen rond in het bos')).toEqual([]);
    expect(kinds('Sanne Bos was er ook')).toEqual(['naam']);
    expect(kinds('Sanne was er ook')).toEqual(['naam']);
  });

  it('is case-insensitive and diacritics-insensitive in both directions', () => {
    expect(kinds('JÖRAN')).toEqual(['naam']);
    expect(kinds('joran')).toEqual(['naam']);
    expect(kinds('Jorän')).toEqual(['naam']);
    const plain = createScreener([member('x', 'Joran Smit')]);
    expect(plain.screen('Jöran kwam later').findings.map((f) => f.memberId)).toEqual(['x']);
    expect(plain.screen('Jóràn').findings).toHaveLength(1);
  });

  it('sees through invisible characters, bidi marks, homoglyphs and full-width letters', () => {
    expect(kinds('J\u200Böran')).toEqual(['naam']); // zero-width space
    expect(kinds('A\u00ADli')).toEqual(['naam']); // soft hyphen
    expect(kinds('Al\u200Di en co')).toEqual(['naam']); // zero-width joiner
    expect(kinds('\u202Eali\u202C')).toEqual(['naam']); // RTL override
    expect(kinds('A\u200Fli')).toEqual(['naam']); // RTL mark
    expect(kinds('\u2066Ali\u2069')).toEqual(['naam']); // isolate
    expect(kinds('\uFEFFAli')).toEqual(['naam']); // BOM
    expect(kinds('J\u043Eran')).toEqual(['naam']); // Cyrillic о
    expect(kinds('\u0410li')).toEqual(['naam']); // Cyrillic А
    expect(kinds('Jοran')).toEqual(['naam']); // Greek ο
    expect(kinds('Ａｌｉ')).toEqual(['naam']); // full-width
    expect(normalise('J\u200B\u043Eran ÉÉN')).toBe('joran een');
  });

  it('returns the original fragment, invisible characters and all', () => {
    const r = screener.screen('Vandaag: J\u200Bоran (met Cyrillische o).');
    expect(r.findings).toEqual([{ kind: 'naam', fragment: 'J\u200Bоran', memberId: 'm1', level: 'persoon' }]);
  });

  it('treats typographic quotes and dashes as word boundaries', () => {
    expect(kinds('“Ali” zei dat')).toEqual(['naam']);
    expect(kinds('Ali’s broer')).toEqual(['naam']);
    expect(kinds('Ali—de rest')).toEqual(['naam']);
  });

  it('finds two members with the same first name', () => {
    const s = createScreener([member('a', 'Ali Yilmaz'), member('b', 'Ali Demir')]);
    expect(s.screen('Ali was er').findings.map((f) => f.memberId).sort()).toEqual(['a', 'b']);
    expect(s.screen('Ali Demir was er').findings.map((f) => f.memberId)).toEqual(['b']);
  });

  it('screens removed members too: their names stay personal data', () => {
    const s = createScreener([member('r', 'Daan Peters', { removedAt: '2025-02-01T00:00:00.000Z' })]);
    expect(s.screen('Daan').level).toBe('persoon');
  });

  it('property: a member name with invisible characters inserted anywhere is still found', () => {
    const invisibles = ['\u200B', '\u200C', '\u200D', '\u2060', '\u00AD', '\uFEFF', '\u200E', '\u200F', '\u202A', '\u202E', '\u2066', '\u2069'];
    fc.assert(
      fc.property(
        fc.constantFrom('Jöran de Vries', 'Ali', 'Yilmaz', 'Mootje', 'Kleine J'),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...invisibles)), { maxLength: 6 }),
        fc.constantFrom('', 'Gisteren zag ik ', 'Volgens de wijkagent was '),
        (name, inserts, prefix) => {
          let text = name;
          for (const [pos, ch] of inserts) {
            const at = pos % (text.length + 1);
            text = text.slice(0, at) + ch + text.slice(at);
          }
          const r = screener.screen(`${prefix}${text} erbij.`);
          expect(r.level).toBe('persoon');
          expect(r.findings.some((f) => f.kind === 'naam' || f.kind === 'bijnaam')).toBe(true);
        },
      ),
    );
  });
});

describe('screening: dates', () => {
  it('finds a member birth date in every numeric and written form', () => {
    for (const t of ['12-03-2009', '12/3/2009', '2009-03-12', '12.03.2009', '12 maart 2009', '12 mrt. 2009', '12 MAART 2009']) {
      const r = screener.screen(`Hij is van ${t}.`);
      expect(r.findings, t).toEqual([{ kind: 'geboortedatum', fragment: t, memberId: 'm1', level: 'persoon' }]);
    }
    expect(memberIds('2 november 2008')).toEqual(['m4']);
  });

  it('does not treat meeting or incident dates as birth dates', () => {
    expect(kinds('Overleg op 14-03-2025 om 19.30 uur, incident van 2 mei 2024')).toEqual([]);
    expect(screener.screen('Volgende overleg 2025-04-01').level).toBe('groep');
  });

  it('treats any full date next to "geboren", "geb.", "geboortedatum" or "DOB" as a birth date', () => {
    expect(kinds('geboren op 1 februari 2007')).toEqual(['datum']);
    expect(kinds('geb. 01-02-2007')).toEqual(['datum']);
    expect(kinds('Geboortedatum: 2007-02-01')).toEqual(['datum']);
    expect(kinds('DOB 1/2/2007')).toEqual(['datum']);
  });

  it('ignores impossible dates', () => {
    expect(kinds('geboren 31-02-2007')).toEqual([]);
  });
});

describe('screening: numbers and addresses', () => {
  it('BSN: 9 digits passing the elfproef are bijzonder, also grouped with spaces or dots', () => {
    expect(elfproef('123456782')).toBe(true);
    expect(elfproef('111222333')).toBe(true);
    expect(elfproef('123456789')).toBe(false);
    expect(elfproef('000000000')).toBe(false);
    for (const t of ['123456782', '123 456 782', '123.456.782', '1234.56.782']) {
      const r = screener.screen(`BSN ${t} bekend`);
      expect(r.level, t).toBe('bijzonder');
      expect(r.findings, t).toEqual([{ kind: 'bsn', fragment: t, level: 'bijzonder' }]);
    }
  });

  it('BSN: numbers failing the elfproef, or with more digits, are not a BSN', () => {
    expect(kinds('nummer 123456789')).toEqual([]);
    expect(kinds('ordernummer 1234567820')).toEqual([]);
  });

  it('property: elfproef accepts exactly the numbers whose weighted sum is divisible by 11', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }), (digits) => {
        const sum = digits.reduce((s, d, i) => s + d * (9 - i), 0);
        const check = sum % 11;
        if (check === 10 || digits.every((d) => d === 0)) return;
        const valid = digits.join('') + String(check);
        expect(elfproef(valid)).toBe(true);
        expect(screener.screen(`bsn ${valid}`).level).toBe('bijzonder');
        const wrong = digits.join('') + String((check + 1) % 10);
        expect(elfproef(wrong)).toBe(false);
      }),
    );
  });

  it('finds a postcode with huisnummer', () => {
    for (const t of ['1234 AB 12', '1234AB 12a', '1234 ab 12', '3511 EN 5']) {
      expect(screener.screen(`woont op ${t} bij zijn oma`).findings, t).toEqual([
        { kind: 'postcode_huisnummer', fragment: t, level: 'persoon' },
      ]);
    }
  });

  it('does not read "2019 op 12" or "1000 en 5" as a postcode', () => {
    expect(kinds('in 2019 op 12 plekken')).toEqual([]);
    expect(kinds('tussen 1000 en 5 meldingen')).toEqual([]);
  });

  it('finds mobile, international and landline phone numbers', () => {
    for (const t of ['06-12345678', '06 1234 5678', '0612345678', '+31 6 12345678', '+31612345678', '0031 6 12345678', '010-1234567', '020 123 4567', '(010) 1234567']) {
      expect(screener.screen(`bel ${t} even`).findings, t).toEqual([{ kind: 'telefoon', fragment: t, level: 'persoon' }]);
    }
  });

  it('does not read a date followed by a number as a phone number', () => {
    expect(kinds('op 01-02-2025 12 jongeren')).toEqual([]);
  });

  it('finds numbers without a namenlijst too (steps 1 and 2A)', () => {
    const empty = createScreener([]);
    expect(empty.screen('bel 06-12345678, bsn 123456782, 1234 AB 5').findings.map((f) => f.kind)).toEqual([
      'telefoon',
      'bsn',
      'postcode_huisnummer',
    ]);
    // Without a namenlijst only the lexicon finds names: Ali is a common first name, Jöran is not.
    expect(empty.screen('Ali en Jöran').findings).toEqual([{ kind: 'naam', fragment: 'Ali', level: 'persoon' }]);
  });

  it('finds e-mail addresses', () => {
    expect(screener.screen('mail naar j.devries99@Example.nl graag').findings).toEqual([
      { kind: 'email', fragment: 'j.devries99@Example.nl', level: 'persoon' },
    ]);
  });
});

describe('screening: levels', () => {
  it('is groep without findings and the highest finding level otherwise', () => {
    expect(screener.screen('De groep hangt bij het winkelcentrum.')).toEqual({ level: 'groep', findings: [] });
    expect(screener.screen('')).toEqual({ level: 'groep', findings: [] });
    expect(screener.screen('Ali, bsn 123456782').level).toBe('bijzonder');
  });

  it('property: screening never lowers a declared level', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LEVELS), fc.string({ maxLength: 200 }), (declared: Level, text) => {
        const eff = effectiveLevel(declared, screener.screen(text));
        expect(levelRank(eff)).toBeGreaterThanOrEqual(levelRank(declared));
      }),
    );
  });

  it('property: surrounding text never hides a name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (a, b) => {
        const base = screener.screen(`${a} Ali ${b}`).level;
        expect(isAtLeast(base, 'persoon')).toBe(true);
      }),
    );
  });
});

describe('screening: first names without a namenlijst (steps 1 and 2A)', () => {
  const empty = createScreener([]);
  const found = (text: string) => empty.screen(text).findings.filter((f) => f.kind === 'naam').map((f) => f.fragment);

  it('R-1-1: finds capitalised first names from the lexicon, without a memberId', () => {
    expect(empty.screen('Kevin en Mo zijn de leiders').findings).toEqual([
      { kind: 'naam', fragment: 'Kevin', level: 'persoon' },
      { kind: 'naam', fragment: 'Mo', level: 'persoon' },
    ]);
    expect(found("Mo's broer en Dani hangen bij de sporthal")).toEqual(['Mo', 'Dani']);
    expect(found('Volgens de school zijn Fatima, Zeynep en Priscilla vaak afwezig.')).toEqual(['Fatima', 'Zeynep', 'Priscilla']);
    expect(found('(Youssef) en "Emre" en Mohammed/Ilias')).toEqual(['Youssef', 'Emre', 'Mohammed', 'Ilias']);
  });

  it('R-2A-1: sees through invisible characters, homoglyphs, full-width letters and diacritics', () => {
    expect(found('Ke\u200bvin was erbij')).toEqual(['Ke\u200bvin']);
    expect(found('\u200fKevin\u200e was erbij')).toEqual(['Kevin']);
    expect(found('de leider is Кevin')).toEqual(['Кevin']); // Cyrillic К
    expect(found('de leider is Ｋｅｖｉｎ')).toEqual(['Ｋｅｖｉｎ']);
    expect(found('ook Zoë en Ömer')).toEqual(['Zoë', 'Ömer']);
    expect(found('Moha\u00admmed')).toEqual(['Moha\u00admmed']);
  });

  it('only capitalised words: "mark", "roos", "bas", "daan" in lowercase are words, not names', () => {
    expect(found('we mark de datum, een roos, de bas en daan')).toEqual([]);
    expect(found('ik zag kevin')).toEqual([]);
  });

  it('names that are also Dutch words count at a sentence start only with a surname', () => {
    expect(found('Ben je er morgen? Mark de datum. Roos en tulpen.')).toEqual([]);
    expect(found('Ben Jansen was erbij.')).toEqual(['Ben Jansen']);
    expect(found('Gisteren waren Ben en Roos er.')).toEqual(['Ben', 'Roos']);
    // Names that are no Dutch word count at the sentence start too.
    expect(found('Kevin is de leider. Daan volgt hem.')).toEqual(['Kevin', 'Daan']);
  });

  it('takes a surname with tussenvoegsels into the fragment', () => {
    expect(found('de leider is Kevin de Vries, zegt de school')).toEqual(['Kevin de Vries']);
    expect(found('Ayoub El Amrani en Lisa Jansen')).toEqual(['Ayoub El Amrani', 'Lisa Jansen']);
  });

  it('a first name in a street or shop name is no person', () => {
    expect(found('overlast in de Jan van Galenstraat en bij de Jan Linders')).toEqual([]);
    expect(found('rond de Willem Alexanderlaan')).toEqual([]);
  });

  it('the lexicon has several hundred names incl. the short forms groups use', () => {
    expect(VOORNAMEN.length).toBeGreaterThanOrEqual(500);
    expect(VOORNAMEN.length).toBeLessThanOrEqual(1500);
    const set = new Set(VOORNAMEN.map(normalise));
    for (const n of ['mo', 'dani', 'sem', 'noah', 'mohammed', 'mohamed', 'muhammed', 'ayoub', 'youssef', 'emre', 'yusuf', 'kevin', 'jayden', 'noor', 'fatima', 'aya', 'zeynep', 'priscilla']) {
      expect(set.has(n), n).toBe(true);
    }
    for (const a of VOORNAMEN_AMBIGU) expect(set.has(normalise(a)), a).toBe(true);
  });
});

describe('screening: street addresses', () => {
  const empty = createScreener([]);
  const adres = (text: string) => empty.screen(text).findings.filter((f) => f.kind === 'adres').map((f) => f.fragment);

  it('finds a street with a house number', () => {
    for (const t of ['Dorpsstraat 4', 'Stationsplein 12a', 'Kerkweg 3-5', 'Prinsengracht 263', 'Burgemeester de Withstraat 14 b']) {
      // The fragment starts at the word with the street suffix.
      expect(adres(`hij woont aan de ${t} bij zijn oma`), t).toEqual([t.replace('Burgemeester de ', '')]);
    }
    expect(empty.screen('woont Dorpsstraat 4').level).toBe('persoon');
  });

  it('a street without a number, or with a time, year or count, stays group level', () => {
    for (const t of [
      'overlast op het Stationsplein',
      'op het Stationsplein 20 jongeren gezien',
      'Stationsplein 20:30 uur',
      'Stationsplein 20.30 uur',
      'Dorpsstraat 2024 nieuwe bankjes',
      'we waren onderweg 20 minuten',
      'Kerkstraat 3 keer gemeld',
      'bij de supermarkt 2 scooters',
    ]) {
      expect(empty.screen(t).level, t).toBe('groep');
    }
  });

  it("a member's adres on the namenlijst is persoon; the woonplaats alone is not", () => {
    const s = createScreener([member('m9', 'Xander Q', { adres: 'Achter de Kerk 7', woonplaats: 'Zwolle' })]);
    expect(s.screen('ze zitten vaak op Achter de Kerk 7').findings).toEqual([
      { kind: 'adres', fragment: 'Achter de Kerk 7', memberId: 'm9', level: 'persoon' },
    ]);
    expect(s.screen('jongeren uit Zwolle').level).toBe('groep');
  });
});
