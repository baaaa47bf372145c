/**
 * Stop words. `LUCENE_STOPWORDS` is Lucene's 33-word English set, which the
 * BM25 reference figures in ../shared/ir use; `ENGLISH_STOPWORDS` is a longer
 * list for phrase mining and similarity, where function words are noise.
 */

export const LUCENE_STOPWORDS: ReadonlySet<string> = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(
    ' ',
  ),
);

export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set([
  ...LUCENE_STOPWORDS,
  ...`about above across after again against all almost along already also although always am among amongst
  any anyone anything anyway anywhere around because been before being below between beyond both can cannot could
  did do does doing done down due during each either else enough especially etc even ever every everything
  few for from further furthermore had has have having he her here hers herself him himself his how however i
  inside its itself just less least many may me might more moreover most mostly much must my myself namely
  neither never nevertheless next nor now often once one only onto other others otherwise our ours ourselves out
  over own per perhaps quite rather really same several she should since so some something sometimes still than
  thereby therefore thus those though through throughout thus together too toward towards under unless until
  up upon us use used uses using very via was we well were what whatever when whenever where whereas whether
  which while who whom whose why within without would yet you your yours yourself yourselves`.split(
    /\s+/,
  ),
]);
