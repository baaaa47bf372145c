import { describe, expect, test } from 'vitest';
import { indexLetter, nameKey, parseName, unshout } from '../../src/lib/authors/names.ts';

describe('parseName', () => {
  // [printed, shown, key, initials only]
  const cases: [string, string, string, boolean][] = [
    ['José García', 'José García', 'jose garcia', false],
    ['Jose Garcia', 'Jose Garcia', 'jose garcia', false],
    ["Jos{\\'e} Garc{\\'\\i}a", 'José García', 'jose garcia', false],
    ['M{\\"u}ller, J{\\"u}rgen', 'Jürgen Müller', 'jurgen muller', false],
    ['{\\L}ukasz Kaiser', 'Łukasz Kaiser', 'lukasz kaiser', false],
    ['Fran\\c{c}ois Chollet', 'François Chollet', 'francois chollet', false],
    ['Smith, John', 'John Smith', 'john smith', false],
    ['King, Jr., Martin Luther', 'Martin Luther King Jr.', 'martin luther king jr', false],
    ['John Smith, Jr.', 'John Smith Jr.', 'john smith jr', false],
    ['JOHN  SMITH', 'JOHN SMITH', 'john smith', false],
    ['  John\u00a0Smith ', 'John Smith', 'john smith', false],
    ['Jo\u200bhn Sm\u202eith', 'John Smith', 'john smith', false],
    ['J. Smith', 'J. Smith', 'j smith', true],
    ['J.Smith', 'J. Smith', 'j smith', true],
    ['Smith, J.', 'J. Smith', 'j smith', true],
    ['J Smith', 'J Smith', 'j smith', true],
    ['J.M. Smith', 'J. M. Smith', 'j m smith', true],
    ['J.-P. Dupont', 'J.-P. Dupont', 'j p dupont', true],
    ['Jean-Pierre Dupont', 'Jean-Pierre Dupont', 'jean pierre dupont', false],
    ['Yu Li', 'Yu Li', 'yu li', false],
    ['M. Salman Asif', 'M. Salman Asif', 'm salman asif', false],
    ['Ludwig van Beethoven', 'Ludwig van Beethoven', 'ludwig van beethoven', false],
    ["Moreno D'Incà", "Moreno D'Incà", 'moreno d inca', false],
    ['张三', '张三', '张三', false],
    ['Zhou', 'Zhou', 'zhou', false],
  ];
  test.each(cases)('%s -> %s (%s)', (printed, shown, key, initialsOnly) => {
    const name = parseName(printed);
    expect(name?.display).toBe(shown);
    expect(name?.key).toBe(key);
    expect(name?.initialsOnly).toBe(initialsOnly);
  });

  test('initials and full names share a signature, other names do not', () => {
    const sig = (s: string) => parseName(s)?.signature;
    expect(sig('J. Smith')).toBe(sig('John Smith'));
    expect(sig('Smith, J.')).toBe(sig('James Smith'));
    expect(sig('J.-P. Dupont')).toBe(sig('Jean-Pierre Dupont'));
    expect(sig('J. Smith')).not.toBe(sig('John M. Smith'));
    expect(sig('J. Smith')).not.toBe(sig('John Smyth'));
  });

  test('family names for the A-Z index, particles kept', () => {
    expect(parseName('Ludwig van Beethoven')?.family).toBe('van beethoven');
    expect(parseName('Luc Van Gool')?.family).toBe('van gool');
    expect(parseName('Van Nguyen')?.family).toBe('nguyen');
    expect(parseName('Müller, Jürgen')?.family).toBe('muller');
    expect(indexLetter('muller')).toBe('m');
    expect(indexLetter('张三')).toBe('other');
    expect(indexLetter('')).toBe('other');
  });

  test.each([':', '', '   ', '*', '1234', '\u200b'])('%j is no name', (printed) => {
    expect(parseName(printed)).toBeUndefined();
    expect(nameKey(printed)).toBe('');
  });

  test('hostile text stays text, its key only letters and digits', () => {
    const name = parseName('<script>alert(1)</script> Smith');
    expect(name?.display).toBe('<script>alert(1)</script> Smith');
    expect(name?.key).toBe('script alert 1 script smith');
  });
});

describe('unshout', () => {
  test.each([
    ['JOHN SMITH', 'John Smith'],
    ["SEÁN O'BRIEN", "Seán O'Brien"],
    ['John Smith', 'John Smith'],
    ['NVIDIA Research', 'NVIDIA Research'],
    ['张三', '张三'],
  ])('%s -> %s', (input, output) => expect(unshout(input)).toBe(output));
});
