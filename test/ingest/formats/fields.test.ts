import { describe, expect, test } from 'vitest';
import {
  authorList,
  displayName,
  labelList,
  parseListLiteral,
} from '../../../src/lib/ingest/fields.ts';

describe('parseListLiteral reads list cells written by Python and JSON', () => {
  test('a Python repr with single and double quotes and escapes', () => {
    expect(parseListLiteral(`['Alice Smith', "Bob O'Neil", 'Ana\\'s']`)).toEqual([
      'Alice Smith',
      "Bob O'Neil",
      "Ana's",
    ]);
  });

  test('a JSON array, a tuple, an empty list and a trailing comma', () => {
    expect(parseListLiteral('["cs.CV","cs.AI"]')).toEqual(['cs.CV', 'cs.AI']);
    expect(parseListLiteral("('a', 'b',)")).toEqual(['a', 'b']);
    expect(parseListLiteral('[]')).toEqual([]);
  });

  test('text that only looks bracketed is not a list', () => {
    expect(parseListLiteral('[Alice, Bob]')).toBeUndefined();
    expect(parseListLiteral('(see below)')).toBeUndefined();
    expect(parseListLiteral("['unterminated]")).toBeUndefined();
    expect(parseListLiteral('Alice Smith')).toBeUndefined();
  });
});

describe('author names are shown as First Last', () => {
  test('inverted names are turned around, suffixes kept at the end', () => {
    expect(displayName('Smith, John')).toBe('John Smith');
    expect(displayName('Smith, Jr., John')).toBe('John Smith Jr.');
    expect(displayName('John Smith, Jr.')).toBe('John Smith Jr.');
    expect(displayName('Alice Smith')).toBe('Alice Smith');
  });

  test('authorList splits the separators lists use', () => {
    expect(authorList('Smith, John; Doe, Jane')).toEqual(['John Smith', 'Jane Doe']);
    expect(authorList('Smith, John and Doe, Jane')).toEqual(['John Smith', 'Jane Doe']);
    expect(authorList('Alice Martin and Bob Chen')).toEqual(['Alice Martin', 'Bob Chen']);
    expect(authorList('A. One, B. Two, and C. Three')).toEqual(['A. One', 'B. Two', 'C. Three']);
    expect(authorList('Alice Martin; Bob Chen')).toEqual(['Alice Martin', 'Bob Chen']);
    expect(authorList("['Alice Martin', 'Bob Chen']")).toEqual(['Alice Martin', 'Bob Chen']);
    expect(authorList(['Lovelace, Ada', 'Hopper, Grace'])).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
    ]);
  });
});

describe('labelList', () => {
  test('splits on ; , | or, for categories, on spaces; drops repeats', () => {
    expect(labelList('cs.IR; cs.CL')).toEqual(['cs.IR', 'cs.CL']);
    expect(labelList('cs.CV cs.AI cs.CV', true)).toEqual(['cs.CV', 'cs.AI']);
    expect(labelList('machine learning, retrieval')).toEqual(['machine learning', 'retrieval']);
    expect(labelList("['cs.CV', 'cs.RO']", true)).toEqual(['cs.CV', 'cs.RO']);
  });
});

describe('category codes', () => {
  test('space-separated codes are split, category names are not', () => {
    expect(labelList('hep-th math.AG cs.CV', true)).toEqual(['hep-th', 'math.AG', 'cs.CV']);
    expect(labelList('Computer Vision and Pattern Recognition', true)).toEqual([
      'Computer Vision and Pattern Recognition',
    ]);
  });
});
