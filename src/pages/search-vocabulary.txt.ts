/** The corpus vocabulary for search's corrections (see src/lib/vocabulary.ts); fetched only when a query finds nothing. */
import { loadSite } from '../lib/site.ts';
import { vocabularyFile } from '../lib/vocabulary.ts';

export async function GET() {
  const { papers } = await loadSite();
  return new Response(vocabularyFile(papers), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
