/**
 * Word lists for phrase mining. Hand-written: they encode what a topic name
 * in research writing may be made of, which no general-purpose stop list says.
 *
 * - `STOP`: function words end a phrase (Lucene's and the longer English list);
 *   `of` may sit inside one ("mixture of experts"), and `to` when hyphenated
 *   ("text-to-image").
 * - `BREAK`: words of academic prose that are never part of a field's term
 *   ("novel", "propose", "towards", "rethinking"); matched on the exact folded
 *   word so that "accelerating" breaks a phrase while "accelerator" does not.
 * - `GENERIC`: words that name nothing on their own ("model", "method",
 *   "learning", "efficient"); matched on inflectional stems (`lemma`). A phrase made only of these
 *   ("deep neural networks", "efficient method") is not a topic name.
 */
import { ENGLISH_STOPWORDS } from '../text/index.ts';
import { lightStem as lemma } from '../text/index.ts';

export const STOP: ReadonlySet<string> = new Set([
  ...ENGLISH_STOPWORDS,
  ...'i ii iii iv e.g eg ie et al etc vs versus like let new'.split(' '),
]);

/** Stop words allowed inside a phrase. */
export const CONNECTORS: ReadonlySet<string> = new Set(['of']);

// prettier-ignore
export const BREAK: ReadonlySet<string> = new Set(
  `propose proposes proposed proposing novel present presents presented show shows showed shown showing
  paper papers existing recent recently various different significant significantly improve improves
  improving achieve achieves achieved achieving enhance enhances enhancing rethinking rethink revisiting
  revisit revisited exploring explore explores unlock unlocking unlocks make makes making made toward beyond
  demonstrate demonstrates demonstrated demonstrating outperform outperforms outperforming introduce introduces
  introduced introducing provide provides provided providing enable enables enabled enabling allow allows
  allowing leverage leverages leveraging utilize utilizes utilizing employ employs employing include includes
  including require requires required requiring remain remains lead leads leading obtain obtains obtained
  called named termed given investigate investigates investigating investigated evaluate evaluates evaluating
  evaluated analyze analyzes analyse analyses analyzing analysing compare compares comparing compared consider
  considers considering considered develop develops developing developed address addresses addressing tackle
  tackles tackling solve solves solving solved help helps helping matter matters need needs needed better best
  good strong great key important crucial effectively efficiently well able capable wide widely first second
  third two three four five six seven eight ten hundred thousand million billion based aware driven guided
  oriented inspired free agnostic specific powered centric boosting accelerating unifying unified unleashing
  harnessing empowering democratizing advancing bridging pushing finding discovering mitigating measuring
  benchmarking optimizing exploiting exploit exploits exploited achieving ensuring ensure
  ensures maintain maintains maintaining reduce reduces reducing reduced increase increases increasing
  increased extensive extensively comprehensive comprehensively experimental experimentally empirical
  empirically theoretical theoretically surprisingly surprising remarkable remarkably notably substantially
  substantial considerably consistently particular particularly typically generally commonly often usually
  many much several numerous multiple respectively simultaneously additionally specifically finally moreover
  furthermore thereby hence instead e g i e approach approaches paradigm toolkit versus via upon whose
  simple simpler simplest slower stronger weaker
  superior inferior competitive comparable promising powerful practical fundamental challenging challenge
  challenges crucially critical critically essential existing prior previous current currently future
  art sota contain contains containing contained separate separates define defines defining defined`.split(/\s+/),
);

// prettier-ignore
const GENERIC_WORDS = `model models modeling modelling method methods approach framework frameworks system systems
  task tasks problem problems data dataset datasets learning learn learned network networks neural deep result
  results performance algorithm algorithms technique techniques analysis study studies work works experiment
  experiments benchmark benchmarks training train trained efficient efficiency effective effectiveness base
  high low fast robust robustness accurate accuracy scalable scalability improved application applications tool
  tools strategy strategies scheme schemes setting settings case cases process processes information feature
  features input inputs output outputs quality level levels scale scales way ways use user users multi cross
  self end time step steps structure structures function functions space set sets type types form forms
  value values number numbers size sizes order part parts point points term terms rate rates cost costs
  pipeline pipelines module modules component components mechanism mechanisms design designs solution
  solutions evaluation evaluations property properties aspect aspects domain domains field fields area areas
  art state research researchers insight insights perspective perspectives survey review overview
  improvement improvements advance advances progress capability capabilities ability abilities behavior
  behaviour behaviors limitation limitations issue issues challenge real net bench artificial intelligence machine single
  large small big huge worst higher lower amount amounts`.split(
  /\s+/,
);

/** Stems of words that name nothing on their own. */
export const GENERIC: ReadonlySet<string> = new Set(GENERIC_WORDS.map(lemma));

/** `true` for words that look like adjectives or adverbs, which make poor one-word topic names. */
export function adjectival(lower: string): boolean {
  return /(?:ive|ous|able|ible|ful|less|ical|ed|ly)$/u.test(lower) && !ADJECTIVAL_NOUNS.has(lower);
}
const ADJECTIVAL_NOUNS = new Set([
  'anomaly',
  'family',
  'assembly',
  'supply',
  'embed',
  'seed',
  'speed',
  'need',
]);

// prettier-ignore
const BROAD_WORDS = `generation detection text texts image images video videos representation prediction
  understanding optimization inference estimation alignment embedding embeddings encoder decoder architecture
  assessment annotation extraction selection transfer matching mapping search score metric metrics loss
  similarity environment environments refinement correction decision report identification simulation
  guidance control fusion memory geometry synthesis resolution tuning answering weight weights parameter
  parameters token tokens sample samples sampling recognition classification reconstruction localization
  attention adaptation regularization prior priors distribution distributions graph graphs language languages
  knowledge context instruction instructions generalization sparsity dynamics noise signal signals object
  objects scene scenes motion human humans visual vision speech audio code program programs physics world
  multimodal modality modalities dense sparse dynamic static adaptive optimal bound bounds theory error errors
  objective objectives constraint constraints gradient gradients layer layers head heads unit units kernel
  kernels matrix matrices vector vectors tensor query queries document documents label labels class classes
  category categories concept concepts pattern patterns region regions patch patches pixel pixels frame frames
  sequence sequences series chain chains emergence execution computation computer computers recovery
  property properties example examples step steps lens magnitude platform platforms flow flows`.split(/\s+/);

/**
 * Stems that make a poor topic on their own, though they are fine inside a
 * phrase ("Image generation", "Graph neural networks"). One-word topics are
 * only considered for short lists, where two-word phrases are too rare to
 * cover them (see discover.ts).
 */
export const BROAD: ReadonlySet<string> = new Set([...GENERIC, ...BROAD_WORDS.map(lemma)]);
