/** The floor's one collection: title and abstract of each paper of a JSON-lines list (FLOOR_PAPERS). */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { defineCollection } from 'astro:content';

const papers = defineCollection({
  loader: {
    name: 'floor-papers',
    load({ store }) {
      const file = process.env.FLOOR_PAPERS ?? '';
      const bytes = readFileSync(file);
      const text = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
      store.clear();
      let i = 0;
      for (const line of text.split('\n')) {
        if (!line) continue;
        const { title, abstract } = JSON.parse(line) as { title: string; abstract: string };
        i += 1;
        store.set({ id: `p${i}`, data: { title, abstract } });
      }
    },
  },
});

export const collections = { papers };
