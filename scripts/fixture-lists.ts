/** Fixture lists derived from the bundled list (shared by the e2e fixtures and the rebuild check). */

/** The bundled list, changed the ways a curator changes a list. */
export function changedList(bundled: string): string {
  const lines = bundled.split('\n');
  const chrome = lines.slice(0, 2);
  const body = lines.slice(2).filter((l) => l.trim() !== '');
  body[0] = (body[0] ?? '').replace(/^Subscribe/, '');
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < body.length; i += 2) pairs.push([body[i] ?? '', body[i + 1] ?? '']);
  // Remove "Streaming Long Video Understanding with Large Language Models" (the third paper).
  const kept = pairs.filter(
    ([t]) => t !== 'Streaming Long Video Understanding with Large Language Models',
  );
  // Fix a "typo": retitle the paper whose abstract stays the same.
  const edited = kept.map(([t, a]): [string, string] =>
    t === 'Canary in a Coalmine: Better Membership Inference with Ensembled Adversarial Queries'
      ? ['Canary in a Coal Mine: Better Membership Inference with Ensembled Adversarial Queries', a]
      : [t, a],
  );
  // Re-order (reverse) and add two papers.
  const added: [string, string][] = [
    [
      'Sparse Autoencoders Find Interpretable Features in Retrieval Models',
      'We train sparse autoencoders on the activations of dense retrievers. The features they find are interpretable and let us steer retrieval. Code: https://github.com/example/sae-retrieval.',
    ],
    [
      'A Note on Fast Sampling for Masked Diffusion',
      'Masked diffusion models sample slowly. We show a simple schedule that halves the number of steps without loss in quality, and analyse why it works.',
    ],
  ];
  const result = [...edited.reverse(), ...added];
  return `${chrome.join('\n')}\n${result.map(([t, a]) => `${t}\n${a}`).join('\n')}\n`;
}
