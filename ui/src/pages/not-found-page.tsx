import { Link } from 'wouter';
import { usePageTitle } from '../components/page-title.js';

/** Any route the app does not know. */
export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <section className="page">
      <h1>Page not found</h1>
      <p>
        Nothing lives at this address. Go to <Link href="/experiments">Experiments</Link> or{' '}
        <Link href="/models">Models</Link>.
      </p>
    </section>
  );
}
