import { MlflowError } from '../../../../core/mlflow-error.js';
import { NUMPY_GLOBALS } from '../numpy/numpy-globals.js';
import { BUILTIN_GLOBALS } from './builtin-globals.js';
import type { GlobalResolver } from './pickle-machine.js';
import { PyInstance, type PyGlobal } from './py-object.js';

/** A global that constructs an inert {@link PyInstance} of an allowlisted class. */
const PYX = '__pyx_unpickle_';

// Protocol 2 pickles name builtins by their Python 2 modules (pickle's fix_imports).
const PYTHON2_MODULES: Readonly<Record<string, string>> = { __builtin__: 'builtins', copy_reg: 'copyreg' };

function classGlobal(qualname: string): PyGlobal {
  return { qualname, call: (args) => new PyInstance(qualname, args) };
}

/** `__pyx_unpickle_<Class>(type, checksum, state)`: an inert instance holding the Cython state. */
function cythonGlobal(qualname: string): PyGlobal {
  return {
    qualname,
    call: (args) => {
      const inst = new PyInstance(qualname, []);
      inst.setState(args[2] ?? null);
      return inst;
    },
  };
}

function reconstructor(resolveClass: (v: unknown) => PyGlobal): PyGlobal {
  return {
    qualname: 'copyreg._reconstructor',
    // copyreg._reconstructor(cls, object, None) is `object.__new__(cls)`: an empty instance.
    call: ([cls]) => resolveClass(cls).call([]),
  };
}

/**
 * Builds the resolver the unpickler uses for GLOBAL: numpy's array and dtype constructors, a few
 * builtins, and classes named in `sklearnClasses` (by class name, in any `sklearn.*` module, because
 * sklearn moves private modules between releases) or `otherClasses` (exact `module.name`).
 * Anything else is refused with an error naming it.
 *
 * @example readPickle(bytes, 'model.pkl', allowlistResolver(new Set(['LogisticRegression']), new Set(), 'model.pkl'))
 */
export function allowlistResolver(
  sklearnClasses: ReadonlySet<string>,
  otherClasses: ReadonlySet<string>,
  file: string,
): GlobalResolver {
  const resolve: GlobalResolver = (pickledModule, name) => {
    const module = PYTHON2_MODULES[pickledModule] ?? pickledModule;
    const qualname = `${module}.${name}`;
    const known = NUMPY_GLOBALS.get(qualname) ?? BUILTIN_GLOBALS.get(qualname);
    if (known) return known;
    if (qualname === 'copyreg._reconstructor') return reconstructor(asClass);
    // Some Cython classes report their bare extension module (`_loss`) instead of the package path.
    if (module === 'sklearn' || module.startsWith('sklearn.') || module === '_loss') {
      if (sklearnClasses.has(name)) return classGlobal(qualname);
      // Cython classes pickle through `__pyx_unpickle_<Class>(type, checksum, state)` or `newObj(type)`.
      if (name.startsWith(PYX) && sklearnClasses.has(name.slice(PYX.length)))
        return cythonGlobal(`${module}.${name.slice(PYX.length)}`);
      if (name === 'newObj') return { qualname, call: ([cls]) => asClass(cls).call([]) };
    }
    if (
      module.startsWith('numpy.random.') &&
      name.startsWith(PYX) &&
      otherClasses.has(`${module}.${name.slice(PYX.length)}`)
    )
      return cythonGlobal(`${module}.${name.slice(PYX.length)}`);
    if (otherClasses.has(qualname)) return classGlobal(qualname);
    throw new MlflowError(
      `Refusing to load ${file}: it references ${qualname}, which is not on Modeldock's allowlist of scikit-learn classes.`,
      'INVALID_PARAMETER_VALUE',
      { file },
    );
  };
  const asClass = (v: unknown): PyGlobal => {
    if (typeof v === 'object' && v !== null && 'call' in v) return v as PyGlobal;
    throw new MlflowError(`Cannot read ${file}: copyreg._reconstructor needs a class.`, 'BAD_REQUEST', {
      file,
    });
  };
  return resolve;
}
