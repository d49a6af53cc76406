import { MlflowError } from '../../../../core/mlflow-error.js';
import { PyInstance } from '../pickle/py-object.js';
import type { Estimator } from './estimator.js';
import { linearRegressor, logisticRegression, sgdClassifier } from './linear-models.js';
import { functionTransformer, pipeline, type BuildEstimator } from './pipeline.js';
import { minMaxScaler, robustScaler, standardScaler } from './scalers.js';
import { columnTransformer } from './column-transformer.js';
import { oneHotEncoder, ordinalEncoder } from './encoders.js';
import { kNeighborsClassifier, kNeighborsRegressor } from './neighbors.js';
import { polynomialFeatures } from './polynomial-features.js';
import { simpleImputer } from './simple-imputer.js';
import { svc, svr } from './svm.js';
import { gradientBoostingClassifier, gradientBoostingRegressor } from './trees/gradient-boosting.js';
import {
  histGradientBoostingClassifier,
  histGradientBoostingRegressor,
} from './trees/hist-gradient-boosting.js';
import { forestClassifier, forestRegressor } from './trees/forest-models.js';
import { decisionTreeClassifier, decisionTreeRegressor } from './trees/tree-models.js';

type Builder = (inst: PyInstance, build: BuildEstimator) => Estimator;

const BUILDERS = new Map<string, Builder>([
  ['LogisticRegression', logisticRegression],
  ['LinearRegression', linearRegressor],
  ['Ridge', linearRegressor],
  ['Lasso', linearRegressor],
  ['ElasticNet', linearRegressor],
  ['SGDRegressor', linearRegressor],
  ['SGDClassifier', sgdClassifier],
  ['StandardScaler', standardScaler],
  ['MinMaxScaler', minMaxScaler],
  ['RobustScaler', robustScaler],
  ['Pipeline', pipeline],
  ['FunctionTransformer', functionTransformer],
  ['DecisionTreeClassifier', decisionTreeClassifier],
  ['DecisionTreeRegressor', decisionTreeRegressor],
  ['ExtraTreeClassifier', decisionTreeClassifier],
  ['ExtraTreeRegressor', decisionTreeRegressor],
  ['RandomForestClassifier', forestClassifier],
  ['RandomForestRegressor', forestRegressor],
  ['ExtraTreesClassifier', forestClassifier],
  ['ExtraTreesRegressor', forestRegressor],
  ['GradientBoostingClassifier', gradientBoostingClassifier],
  ['GradientBoostingRegressor', gradientBoostingRegressor],
  ['HistGradientBoostingClassifier', histGradientBoostingClassifier],
  ['HistGradientBoostingRegressor', histGradientBoostingRegressor],
  ['KNeighborsClassifier', kNeighborsClassifier],
  ['KNeighborsRegressor', kNeighborsRegressor],
  ['SVC', svc],
  ['SVR', svr],
  ['SimpleImputer', simpleImputer],
  ['OneHotEncoder', oneHotEncoder],
  ['OrdinalEncoder', ordinalEncoder],
  ['PolynomialFeatures', polynomialFeatures],
  ['ColumnTransformer', columnTransformer],
]);

// Classes that only hold data inside a supported estimator (a tree's arrays, a loss's parameters).
const HELPER_CLASSES = [
  'Tree',
  'DummyClassifier',
  'DummyRegressor',
  'TreePredictor',
  '_BinMapper',
  'LabelEncoder',
  '_RemainderColsList',
  'KDTree',
  'BallTree',
  'EuclideanDistance',
  'EuclideanDistance64',
  'MinkowskiDistance',
  'MinkowskiDistance64',
  'ManhattanDistance',
  'ManhattanDistance64',
  'Interval',
  'IdentityLink',
  'LogitLink',
  'LogLink',
  'MultinomialLogit',
  ...[
    'HalfSquaredError',
    'HalfBinomialLoss',
    'HalfMultinomialLoss',
    'HalfPoissonLoss',
    'AbsoluteError',
    'PinballLoss',
    'HuberLoss',
    'ExponentialLoss',
  ].flatMap((l) => [l, `Cy${l}`]),
  'LeastSquaresError',
  'LeastAbsoluteError',
  'HuberLossFunction',
  'QuantileLossFunction',
  'BinomialDeviance',
  'MultinomialDeviance',
  'ExponentialLoss',
  ...[
    'Hinge',
    'Log',
    'LogLoss',
    'ModifiedHuber',
    'SquaredHinge',
    'SquaredLoss',
    'Huber',
    'EpsilonInsensitive',
    'SquaredEpsilonInsensitive',
  ],
];

/**
 * The sklearn class names the unpickler may construct: every estimator Modeldock implements, plus
 * the helper classes they contain.
 *
 * @example SKLEARN_CLASSES.has('LogisticRegression') // true
 */
export const SKLEARN_CLASSES: ReadonlySet<string> = new Set([...BUILDERS.keys(), ...HELPER_CLASSES]);

/**
 * Turns an unpickled sklearn object into its TypeScript implementation.
 *
 * @example const estimator = buildEstimator(readPickle(bytes, 'model.pkl', resolver));
 */
export function buildEstimator(v: unknown): Estimator {
  if (!(v instanceof PyInstance))
    throw new MlflowError('The pickle does not hold a scikit-learn estimator.', 'INVALID_PARAMETER_VALUE');
  const builder = BUILDERS.get(v.className);
  if (!builder)
    throw new MlflowError(`scikit-learn's ${v.className} is not supported by Modeldock.`, 'NOT_IMPLEMENTED');
  return builder(v, buildEstimator);
}
