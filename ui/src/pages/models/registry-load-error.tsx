import { Link } from 'wouter';
import { errorCode } from '../../api.js';
import { ErrorState } from '../../components/states.js';
import { links } from '../../links.js';

/**
 * A load error of a registry page: a missing model or version gets a plain "not found" with a way
 * back to the list (a retry would not help); anything else the usual error with Retry.
 */
export function RegistryLoadError({
  error,
  what,
  onRetry,
}: {
  error: unknown;
  what: string;
  onRetry: () => void;
}) {
  if (errorCode(error) !== 'RESOURCE_DOES_NOT_EXIST')
    return <ErrorState error={error} what={what} onRetry={onRetry} />;
  return (
    <div className="state state-error" role="alert">
      <strong>This {what} does not exist.</strong>
      <p>
        It may have been deleted or renamed. See all <Link href={links.models()}>registered models</Link>.
      </p>
    </div>
  );
}
