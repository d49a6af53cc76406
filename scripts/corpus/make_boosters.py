"""Generates the XGBoost and LightGBM test corpus under test/data-files/flavors/.

Each case is a model folder laid out as MLflow saves it (MLmodel + model file) plus `expected.json`:
the input rows (NaN written as null) and what Python's predict returned for them, as MLflow's
pyfunc would call it (Booster.predict(DMatrix(df)) for xgboost, Booster.predict(df) for lightgbm,
XGBClassifier/XGBRegressor.predict for the sklearn API).

Run it twice, once per library, because they live in different interpreters here:

    /usr/bin/python3 scripts/corpus/make_boosters.py xgboost    # Debian's python3-xgboost 1.7.4
    python3 scripts/corpus/make_boosters.py lightgbm            # pyenv python + lightgbm 4.7.0

Then run `npx prettier --write test/data-files/flavors` (the repository's lint checks JSON).
`xgboost-throughput` / `lightgbm-throughput` re-measure only Python's speed on the saved bench models.
Both also write `bench/python-throughput.json`: Python's own predict rows/s for the bench models.
"""

import json
import os
import platform
import sys
import time

import numpy as np

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test", "data-files", "flavors")
RNG = np.random.default_rng(7)


def features(n, k, missing=0.0, rng=RNG):
    X = rng.normal(size=(n, k)).round(3)
    if missing:
        X[rng.random(size=X.shape) < missing] = np.nan
    return X


def as_json_rows(X):
    return [[None if np.isnan(v) else float(v) for v in row] for row in X]


def rendered(pred):
    pred = np.asarray(pred)
    data = pred.tolist()
    return {"dtype": str(pred.dtype), "shape": list(pred.shape), "data": data}


def signature(columns, out_dtype, out_shape):
    inputs = [{"type": "double", "name": c, "required": True} for c in columns]
    outputs = [{"type": "tensor", "tensor-spec": {"dtype": out_dtype, "shape": out_shape}}]
    return {"inputs": json.dumps(inputs), "outputs": json.dumps(outputs), "params": None}


def write_case(flavor, name, mlmodel, expected):
    folder = os.path.join(ROOT, flavor, name)
    os.makedirs(folder, exist_ok=True)
    # JSON is YAML, so this MLmodel reads like any other.
    with open(os.path.join(folder, "MLmodel"), "w") as f:
        json.dump(mlmodel, f, indent=2)
    with open(os.path.join(folder, "expected.json"), "w") as f:
        json.dump(expected, f)
    return folder


def timed(fn, rows):
    """rows/s of fn(): the best of several runs, each long enough to time."""
    fn()
    repeats = max(1, min(2000, 200_000 // rows))
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(repeats):
            fn()
        best = min(best, (time.perf_counter() - start) / repeats)
    return rows / best


def record_throughput(key, entry):
    path = os.path.join(ROOT, "bench", "python-throughput.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = json.load(open(path)) if os.path.exists(path) else {}
    entry["load_average_1m_at_measurement"] = os.getloadavg()[0]
    data[key] = entry
    with open(path, "w") as f:
        json.dump(data, f, indent=2)


# ----------------------------------------------------------------------------------------- xgboost


def xgboost_cases():
    import xgboost as xgb

    version = xgb.__version__

    def save(name, model, fmt, X, pred, columns, model_class="xgboost.core.Booster"):
        out_dtype = str(np.asarray(pred).dtype)
        out_shape = [-1] + list(np.asarray(pred).shape[1:])
        mlmodel = {
            "flavors": {
                "python_function": {
                    "data": f"model.{fmt}",
                    "env": {"conda": "conda.yaml", "virtualenv": "python_env.yaml"},
                    "loader_module": "mlflow.xgboost",
                    "python_version": platform.python_version(),
                },
                "xgboost": {
                    "code": None,
                    "data": f"model.{fmt}",
                    "model_class": model_class,
                    "model_format": fmt,
                    "xgb_version": version,
                },
            },
            "mlflow_version": "3.6.0",
            "signature": signature(columns, out_dtype, out_shape),
        }
        folder = write_case("xgboost", name, mlmodel, {})
        model.save_model(os.path.join(folder, f"model.{fmt}"))
        expected = {
            "library": f"xgboost {version}",
            "columns": columns,
            "data": as_json_rows(X),
            "predictions": rendered(pred),
        }
        with open(os.path.join(folder, "expected.json"), "w") as f:
            json.dump(expected, f)

    def train(params, X, y, rounds, feature_types=None):
        cols = [f"f{i}" for i in range(X.shape[1])]
        d = xgb.DMatrix(X, label=y, feature_names=cols, feature_types=feature_types,
                        enable_categorical=feature_types is not None)
        return xgb.train({"seed": 0, **params}, d, rounds), cols

    def predict(bst, X, cols, feature_types=None):
        return bst.predict(xgb.DMatrix(X, feature_names=cols, feature_types=feature_types,
                                       enable_categorical=feature_types is not None))

    X = features(300, 5, missing=0.1)
    Xt = features(40, 5, missing=0.15)
    y_reg = np.nan_to_num(X[:, 0]) * 2 + np.nan_to_num(X[:, 1]) ** 2
    y_bin = (np.nan_to_num(X[:, 0]) + np.nan_to_num(X[:, 2]) > 0).astype(float)
    y_mc = np.digitize(np.nan_to_num(X[:, 0]) + np.nan_to_num(X[:, 3]), [-0.5, 0.5]).astype(float)

    for name, fmt, params, y in [
        ("reg-squarederror-json", "json", {"objective": "reg:squarederror", "max_depth": 4}, y_reg),
        ("reg-squarederror-ubj", "ubj", {"objective": "reg:squarederror", "max_depth": 4}, y_reg),
        ("binary-logistic-ubj", "ubj", {"objective": "binary:logistic", "max_depth": 3}, y_bin),
        ("binary-logistic-base-score-json", "json",
         {"objective": "binary:logistic", "max_depth": 3, "base_score": 0.3}, y_bin),
        ("reg-logistic-json", "json", {"objective": "reg:logistic", "max_depth": 3},
         1 / (1 + np.exp(-y_reg))),
        ("count-poisson-ubj", "ubj", {"objective": "count:poisson", "max_depth": 3},
         np.floor(np.abs(y_reg))),
        ("multi-softprob-ubj", "ubj",
         {"objective": "multi:softprob", "num_class": 3, "max_depth": 3}, y_mc),
        ("multi-softmax-json", "json",
         {"objective": "multi:softmax", "num_class": 3, "max_depth": 3}, y_mc),
        # The legacy binary format (MLflow's model_format="xgb").
        ("binary-logistic-base-score-xgb", "xgb",
         {"objective": "binary:logistic", "max_depth": 3, "base_score": 0.3}, y_bin),
        ("multi-softprob-xgb", "xgb",
         {"objective": "multi:softprob", "num_class": 3, "max_depth": 3}, y_mc),
        ("dart-xgb", "xgb", {"objective": "reg:squarederror", "booster": "dart", "max_depth": 3,
                             "rate_drop": 0.3, "skip_drop": 0.0}, y_reg),
        ("dart-json", "json", {"objective": "reg:squarederror", "booster": "dart", "max_depth": 3,
                               "rate_drop": 0.3, "skip_drop": 0.0}, y_reg),
    ]:
        bst, cols = train(params, X, y, 12)
        save(name, bst, fmt, Xt, predict(bst, Xt, cols), cols)

    # Categorical splits: f0 holds category codes 0..7, trained with hist + enable_categorical.
    Xc = features(400, 3, missing=0.05)
    Xc[:, 0] = RNG.integers(0, 8, size=400)
    yc = np.isin(Xc[:, 0], [1, 4, 6]).astype(float) * 2 + np.nan_to_num(Xc[:, 1])
    ftypes = ["c", "q", "q"]
    Xct = features(40, 3, missing=0.1)
    Xct[:, 0] = RNG.integers(0, 10, size=40)  # 8 and 9 were never seen
    Xct[3, 0] = np.nan
    for fmt in ["json", "ubj"]:
        bst, cols = train({"objective": "reg:squarederror", "tree_method": "hist", "max_depth": 3,
                           "max_cat_to_onehot": 1}, Xc, yc, 10, ftypes)
        save(f"categorical-{fmt}", bst, fmt, Xct, predict(bst, Xct, cols, ftypes), cols)

    # The sklearn API: XGBClassifier.predict gives class labels, XGBRegressor.predict values.
    cols = [f"f{i}" for i in range(5)]
    clf = xgb.XGBClassifier(n_estimators=8, max_depth=3, random_state=0).fit(X, y_bin.astype(int))
    save("sklearn-classifier-binary-json", clf, "json", Xt, clf.predict(Xt), cols,
         "xgboost.sklearn.XGBClassifier")
    clf3 = xgb.XGBClassifier(n_estimators=8, max_depth=3, random_state=0).fit(X, y_mc.astype(int))
    save("sklearn-classifier-multi-ubj", clf3, "ubj", Xt, clf3.predict(Xt), cols,
         "xgboost.sklearn.XGBClassifier")
    reg = xgb.XGBRegressor(n_estimators=8, max_depth=3, random_state=0).fit(X, y_reg)
    save("sklearn-regressor-json", reg, "json", Xt, reg.predict(Xt), cols,
         "xgboost.sklearn.XGBRegressor")

    # The bench model: 100 rounds, depth 6, 20 features.
    Xb = features(5000, 20, missing=0.02)
    yb = (np.nan_to_num(Xb[:, :5]).sum(axis=1) > 0).astype(float)
    bst, cols = train({"objective": "binary:logistic", "max_depth": 6, "eta": 0.1}, Xb, yb, 100)
    save("bench-100-rounds", bst, "ubj", Xb[:20], predict(bst, Xb[:20], cols), cols)
    xgboost_throughput()


def xgboost_throughput():
    """Python's predict rows/s for the saved XGBoost bench model."""
    import xgboost as xgb

    bst = xgb.Booster(model_file=os.path.join(ROOT, "xgboost", "bench-100-rounds", "model.ubj"))
    cols = bst.feature_names
    big = features(100_000, 20, missing=0.02)
    rates = {str(n): timed(lambda n=n: bst.predict(xgb.DMatrix(big[:n], feature_names=cols)), n)
             for n in [1, 1000, 100_000]}
    record_throughput("xgboost", {
        "library": f"xgboost {xgb.__version__}", "python": platform.python_version(),
        "how": "Booster.predict(xgb.DMatrix(X)) on float64 numpy rows (as MLflow's pyfunc calls it), "
               "default nthread (all cores of this 2-core machine); best of 3 timed loops; rows/s",
        "rows_per_second": rates,
    })


# ---------------------------------------------------------------------------------------- lightgbm


def lightgbm_cases():
    import lightgbm as lgb

    version = lgb.__version__

    def save(name, bst, X, columns):
        pred = bst.predict(X)
        mlmodel = {
            "flavors": {
                "lightgbm": {"code": None, "data": "model.lgb", "lgb_version": version,
                             "model_class": "lightgbm.basic.Booster"},
                "python_function": {
                    "data": "model.lgb",
                    "env": {"conda": "conda.yaml", "virtualenv": "python_env.yaml"},
                    "loader_module": "mlflow.lightgbm",
                    "python_version": platform.python_version(),
                },
            },
            "mlflow_version": "3.6.0",
            "signature": signature(columns, str(pred.dtype), [-1] + list(pred.shape[1:])),
        }
        folder = write_case("lightgbm", name, mlmodel, {})
        bst.save_model(os.path.join(folder, "model.lgb"))
        expected = {"library": f"lightgbm {version}", "columns": columns, "data": as_json_rows(X),
                    "predictions": rendered(pred)}
        with open(os.path.join(folder, "expected.json"), "w") as f:
            json.dump(expected, f)

    def train(params, X, y, rounds, **kw):
        cols = [f"f{i}" for i in range(X.shape[1])]
        d = lgb.Dataset(X, label=y, feature_name=cols, **kw)
        base = {"verbose": -1, "seed": 0, "deterministic": True, "num_leaves": 7,
                "min_data_in_leaf": 5}
        return lgb.train({**base, **params}, d, rounds), cols

    X = features(300, 5, missing=0.1)
    Xt = features(40, 5, missing=0.15)
    Xt[0, :] = 0.0
    y_reg = np.nan_to_num(X[:, 0]) * 2 + np.nan_to_num(X[:, 1]) ** 2
    y_bin = (np.nan_to_num(X[:, 0]) + np.nan_to_num(X[:, 2]) > 0).astype(float)
    y_mc = np.digitize(np.nan_to_num(X[:, 0]) + np.nan_to_num(X[:, 3]), [-0.5, 0.5]).astype(float)
    Xdense = np.nan_to_num(X)  # no NaN at training: missing_type None
    Xzero = np.nan_to_num(X)  # zeros as missing: missing_type Zero

    for name, params, Xtrain, y in [
        ("regression-nan", {"objective": "regression"}, X, y_reg),
        ("regression-none", {"objective": "regression"}, Xdense, y_reg),
        ("regression-zero", {"objective": "regression", "zero_as_missing": True}, Xzero, y_reg),
        ("binary", {"objective": "binary"}, X, y_bin),
        ("multiclass", {"objective": "multiclass", "num_class": 3}, X, y_mc),
        ("multiclassova", {"objective": "multiclassova", "num_class": 3}, X, y_mc),
        ("poisson", {"objective": "poisson"}, X, np.floor(np.abs(y_reg))),
        ("linear-tree", {"objective": "regression", "linear_tree": True}, X, y_reg),
    ]:
        bst, cols = train(params, Xtrain, y, 12)
        save(name, bst, Xt, cols)

    # Categorical splits: f0 holds category codes 0..11.
    Xc = features(500, 3, missing=0.05)
    Xc[:, 0] = RNG.integers(0, 12, size=500)
    yc = np.isin(Xc[:, 0], [1, 4, 6, 9]).astype(float) * 2 + np.nan_to_num(Xc[:, 1])
    Xct = features(40, 3, missing=0.1)
    Xct[:, 0] = RNG.integers(-1, 14, size=40)  # -1, 12 and 13 were never seen
    Xct[3, 0] = np.nan
    bst, cols = train({"objective": "regression", "min_data_per_group": 5, "cat_smooth": 1}, Xc, yc,
                      10, categorical_feature=[0])
    save("categorical", bst, Xct, cols)

    # The bench model: 100 trees, 31 leaves, 20 features.
    Xb = features(5000, 20, missing=0.02)
    yb = (np.nan_to_num(Xb[:, :5]).sum(axis=1) > 0).astype(float)
    bst, cols = train({"objective": "binary", "num_leaves": 31, "learning_rate": 0.1}, Xb, yb, 100)
    save("bench-100-trees", bst, Xb[:20], cols)
    lightgbm_throughput()


def lightgbm_throughput():
    """Python's predict rows/s for the saved LightGBM bench model."""
    import lightgbm as lgb

    bst = lgb.Booster(model_file=os.path.join(ROOT, "lightgbm", "bench-100-trees", "model.lgb"))
    big = features(100_000, 20, missing=0.02)
    rates = {str(n): timed(lambda n=n: bst.predict(big[:n]), n) for n in [1, 1000, 100_000]}
    record_throughput("lightgbm", {
        "library": f"lightgbm {lgb.__version__}", "python": platform.python_version(),
        "how": "Booster.predict(X) on float64 numpy rows (MLflow's pyfunc passes a DataFrame, which "
               "costs a little more), default num_threads (all cores of this 2-core machine); "
               "best of 3 timed loops; rows/s",
        "rows_per_second": rates,
    })


if __name__ == "__main__":
    which = sys.argv[1] if len(sys.argv) > 1 else ""
    if which == "xgboost":
        xgboost_cases()
    elif which == "lightgbm":
        lightgbm_cases()
    elif which == "xgboost-throughput":  # re-measure Python's speed only, e.g. on a quieter machine
        xgboost_throughput()
    elif which == "lightgbm-throughput":
        lightgbm_throughput()
    else:
        sys.exit("usage: make_boosters.py xgboost|lightgbm|xgboost-throughput|lightgbm-throughput")
