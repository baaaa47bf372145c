/**
 * Topics: discovered from titles and abstracts, curated with a topics file.
 * See README.md in this folder for how discovery works.
 */
export type { Assignment, RelatedTopic, Topic, TopicModel, TopicPaper } from './types.ts';
export {
  parseTopicsFile,
  matchCurated,
  TopicsFileError,
  type CuratedTopic,
  type CuratedTopics,
  type CuratedMatch,
  type Rule,
} from './curate.ts';
export {
  discoverTopics,
  OTHER_SLUG,
  type DiscoverOptions,
  type DiscoveredTopic,
  type Discovery,
} from './discover.ts';
export { buildTopicModel, type BuildOptions } from './assign.ts';
export { relatedTopics } from './related.ts';
