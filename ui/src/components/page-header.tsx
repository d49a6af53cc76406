import type { ReactNode } from 'react';
import { Link } from 'wouter';

/** A breadcrumb trail, a title and the page's main actions. */
export function PageHeader({
  crumbs = [],
  title,
  actions,
}: {
  crumbs?: readonly { href: string; label: string }[];
  title: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className="page-header">
      {crumbs.length > 0 && (
        <nav aria-label="Breadcrumb" className="breadcrumbs">
          <ol>
            {crumbs.map((c) => (
              <li key={c.href}>
                <Link href={c.href}>{c.label}</Link>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <div className="page-title-row">
        <h1>{title}</h1>
        {actions && <div className="row wrap">{actions}</div>}
      </div>
    </header>
  );
}
