import { Link } from 'wouter';
import type { ModelVersion } from '../../../../src/client/registry-client.js';
import { links } from '../../links.js';

/** The success note after a registration, linking to the new version. */
export function RegisteredBanner({ version, onDismiss }: { version: ModelVersion; onDismiss: () => void }) {
  return (
    <div className="banner banner-success" role="status">
      <span>
        Registered {version.name} version {version.version}.{' '}
        <Link href={links.modelVersion(version.name, version.version)}>
          Open {version.name} version {version.version}
        </Link>
      </span>
      <button type="button" className="link-button" onClick={onDismiss} aria-label="Dismiss">
        ✕
      </button>
    </div>
  );
}
