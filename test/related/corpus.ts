/** Small synthetic corpora for the related-papers tests. */
import { createHash } from 'node:crypto';
import type { RelatedDoc } from '../../src/lib/related/index.ts';
import { mulberry32 } from '../../src/lib/related/prng.ts';

export const TOPICS: Record<string, string[]> = {
  graphs: 'graph neural network node edge message passing molecule vertex adjacency spectral'.split(
    ' ',
  ),
  vision: 'image segmentation pixel convolution object detection camera depth stereo texture'.split(
    ' ',
  ),
  speech:
    'speech audio acoustic phoneme recognition speaker waveform spectrogram prosody vocoder'.split(
      ' ',
    ),
  proofs: 'theorem lemma proof bound convex convergence inequality lipschitz gradient regret'.split(
    ' ',
  ),
};
const GENERIC =
  'method model results propose performance data training approach novel evaluation'.split(' ');

export function digest(title: string, abstract: string): string {
  return createHash('sha256').update(`${title}\n${abstract}`).digest('hex');
}

export function doc(id: string, title: string, abstract: string): RelatedDoc {
  return { id, title, abstract, digest: digest(title, abstract) };
}

/** `perTopic` papers for each topic: words drawn from the topic and from generic filler. */
export function topicCorpus(
  perTopic: number,
  seed = 1,
): { docs: RelatedDoc[]; topicOf: Map<string, string> } {
  const random = mulberry32(seed);
  const pick = (xs: string[]): string => xs[Math.floor(random() * xs.length)] as string;
  const docs: RelatedDoc[] = [];
  const topicOf = new Map<string, string>();
  for (const [topic, words] of Object.entries(TOPICS)) {
    for (let i = 0; i < perTopic; i++) {
      const id = `${topic}-${String(i).padStart(3, '0')}`;
      const title = Array.from({ length: 4 }, () => pick(words)).join(' ');
      const abstract = Array.from({ length: 40 }, () =>
        random() < 0.6 ? pick(words) : pick(GENERIC),
      ).join(' ');
      docs.push(doc(id, title, abstract));
      topicOf.set(id, topic);
    }
  }
  return { docs, topicOf };
}
