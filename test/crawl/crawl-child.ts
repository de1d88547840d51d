// A crawl in a child process, for the kill-and-resume test: `tsx crawl-child.ts DB STAND_IN_URL`.
import { createGitHubClient } from '../../crawler/github/client.ts';
import { runCrawl } from '../../crawler/pipeline/crawl.ts';
import { openCatalog } from '../../crawler/store/open.ts';

const [db, base] = process.argv.slice(2);
const client = createGitHubClient({
  token: process.env.GITHUB_TOKEN ?? '',
  endpoints: { apiUrl: `${base}/api`, graphqlUrl: `${base}/api/graphql`, archiveUrl: `${base}/codeload`, registryUrl: `${base}/registry` },
  intervals: { core: 0, search: 0, code_search: 0, graphql: 0 },
});
const catalog = openCatalog(db);
process.stdout.write('started\n');
const summary = await runCrawl(catalog, { sources: [{ kind: 'registry' }, { kind: 'github' }, { kind: 'seeds' }], github: client, concurrency: 2 });
catalog.close();
process.stdout.write(`${summary.status} resumed=${summary.resumed}\n`);
