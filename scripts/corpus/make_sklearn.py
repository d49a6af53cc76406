"""Writes the scikit-learn test corpus for Modeldock's sklearn flavor.

For each supported estimator: train it on small data, pickle it with cloudpickle as
mlflow.sklearn.save_model does (model.pkl), and record the inputs and Python's outputs
(predict, predict_proba, ... ) in expected.json, rendered like ../shared/fixtures.

Usage: python make_sklearn.py OUT_DIR   (writes OUT_DIR/<sklearn major.minor>/<case>/)
"""

import json
import math
import os
import pickle
import sys
import time

import cloudpickle
import numpy as np
import pandas as pd
import sklearn
from sklearn import datasets, ensemble, linear_model, neighbors, svm, tree
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import (
    FunctionTransformer,
    MinMaxScaler,
    OneHotEncoder,
    OrdinalEncoder,
    PolynomialFeatures,
    RobustScaler,
    StandardScaler,
)

VERSION = tuple(int(p) for p in sklearn.__version__.split(".")[:2])


def cell(v):
    if isinstance(v, (np.floating, float)):
        v = float(v)
        if math.isnan(v):
            return {"$float": "NaN"}
        if math.isinf(v):
            return {"$float": "Infinity" if v > 0 else "-Infinity"}
        return v
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, np.bool_):
        return bool(v)
    if isinstance(v, list):
        return [cell(x) for x in v]
    return v


def render_array(a):
    a = np.asarray(a)
    return {"dtype": str(a.dtype), "shape": list(a.shape), "data": cell(a.tolist())}


def render_frame(df):
    return {
        "columns": list(df.columns),
        "dtypes": [str(t) for t in df.dtypes],
        "data": [[cell(v) for v in row] for row in df.itertuples(index=False)],
    }


def frame(x, names=None):
    names = names or [f"x{i}" for i in range(x.shape[1])]
    return pd.DataFrame(x, columns=names)


def iris():
    d = datasets.load_iris()
    names = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
    idx = np.r_[0:150:3]
    return frame(d.data[idx], names), d.target[idx], d.target_names[d.target[idx]]


def binary():
    x, y = datasets.make_classification(n_samples=60, n_features=4, n_informative=3, n_redundant=0, random_state=0)
    return frame(x), y


def regression():
    x, y = datasets.make_regression(n_samples=60, n_features=4, noise=10.0, random_state=0)
    return frame(x), y


def mixed():
    rng = np.random.RandomState(0)
    n = 60
    a = rng.normal(size=n)
    b = rng.normal(size=n)
    b[::7] = np.nan
    c = rng.choice(["red", "green", "blue"], size=n).astype(object)
    c[::11] = None
    y = ((a + (c == "red")) > 0.5).astype(int)
    df = pd.DataFrame({"a": a, "b": b, "c": c})
    return df, y


def test_rows(df, n=8):
    return df.iloc[[i * (len(df) // n) + 1 for i in range(n)]].reset_index(drop=True)


def cases():
    xi, yi, yi_str = iris()
    xb, yb = binary()
    xr, yr = regression()
    xm, ym = mixed()
    xr_nan = xr.copy()
    xr_nan.iloc[::5, 1] = np.nan
    lr = linear_model.LogisticRegression
    yield "logreg_binary", lr(max_iter=1000), xb, yb
    yield "logreg_multinomial", lr(max_iter=1000), xi, yi
    if VERSION < (1, 8):  # 1.8+ refuses multiclass liblinear
        yield "logreg_liblinear_ovr", lr(solver="liblinear"), xi, yi
    yield "logreg_liblinear_binary", lr(solver="liblinear"), xb, yb
    if VERSION < (1, 8):
        yield "logreg_ovr", lr(multi_class="ovr", max_iter=1000), xi, yi
    yield "logreg_string_labels", lr(max_iter=1000), xi, yi_str
    yield "linear_regression", linear_model.LinearRegression(), xr, yr
    yield "ridge", linear_model.Ridge(alpha=0.5), xr, yr
    yield "lasso", linear_model.Lasso(alpha=0.1), xr, yr
    yield "elastic_net", linear_model.ElasticNet(alpha=0.1, l1_ratio=0.3), xr, yr
    yield "sgd_regressor", make_pipeline(StandardScaler(), linear_model.SGDRegressor(random_state=0)), xr, yr
    yield "sgd_classifier", linear_model.SGDClassifier(random_state=0), xi, yi
    yield "sgd_classifier_log", linear_model.SGDClassifier(loss="log_loss", random_state=0), xb, yb
    yield "sgd_classifier_modified_huber", linear_model.SGDClassifier(loss="modified_huber", random_state=0), xi, yi
    yield "standard_scaler", StandardScaler(), xr, None
    yield "min_max_scaler", MinMaxScaler(feature_range=(-1, 2)), xr, None
    yield "robust_scaler", RobustScaler(), xr, None
    yield "simple_imputer_mean", SimpleImputer(), xr_nan, None
    yield "simple_imputer_median", SimpleImputer(strategy="median"), xr_nan, None
    yield "simple_imputer_constant", SimpleImputer(strategy="constant", fill_value="none"), xm[["c"]], None
    yield "simple_imputer_most_frequent", SimpleImputer(strategy="most_frequent"), xm[["c"]].fillna("blue"), None
    ohe = {"sparse_output": False} if VERSION >= (1, 2) else {"sparse": False}
    cats = xm[["c"]].fillna("missing")
    yield "one_hot_encoder", OneHotEncoder(handle_unknown="ignore", **ohe), cats, None
    yield "one_hot_encoder_drop_first", OneHotEncoder(drop="first", **ohe), cats, None
    yield "ordinal_encoder", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), cats, None
    yield "polynomial_features", PolynomialFeatures(degree=2), xr, None
    yield "polynomial_interaction", PolynomialFeatures(degree=3, interaction_only=True, include_bias=False), xr, None
    yield "pipeline_scaler_logreg", Pipeline([("scale", StandardScaler()), ("clf", lr(max_iter=1000))]), xi, yi
    yield "pipeline_identity", make_pipeline(FunctionTransformer(), MinMaxScaler(), linear_model.Ridge()), xr, yr
    num = Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())])
    ct = ColumnTransformer([("num", num, ["a", "b"]), ("cat", OneHotEncoder(handle_unknown="ignore"), ["c"])])
    yield "column_transformer", Pipeline([("prep", ct), ("clf", lr(max_iter=1000))]), xm.fillna({"c": "missing"}), ym
    ct2 = ColumnTransformer([("ord", OrdinalEncoder(), [2])], remainder="passthrough")
    yield "column_transformer_remainder", Pipeline([("prep", ct2), ("reg", linear_model.Ridge())]), xm.fillna({"c": "m", "b": 0}), ym * 1.5
    yield "decision_tree_classifier", tree.DecisionTreeClassifier(max_depth=4, random_state=0), xi, yi
    yield "decision_tree_regressor", tree.DecisionTreeRegressor(max_depth=4, random_state=0), xr, yr
    if VERSION >= (1, 3):
        yield "decision_tree_nan", tree.DecisionTreeRegressor(max_depth=4, random_state=0), xr_nan, yr
    yield "random_forest_classifier", ensemble.RandomForestClassifier(n_estimators=5, max_depth=3, random_state=0), xi, yi
    yield "random_forest_regressor", ensemble.RandomForestRegressor(n_estimators=5, max_depth=3, random_state=0), xr, yr
    yield "extra_trees_classifier", ensemble.ExtraTreesClassifier(n_estimators=5, max_depth=3, random_state=0), xb, yb
    yield "extra_trees_regressor", ensemble.ExtraTreesRegressor(n_estimators=5, max_depth=3, random_state=0), xr, yr
    gb = dict(n_estimators=10, max_depth=2, random_state=0)
    yield "gradient_boosting_binary", ensemble.GradientBoostingClassifier(**gb), xb, yb
    yield "gradient_boosting_multiclass", ensemble.GradientBoostingClassifier(**gb), xi, yi
    yield "gradient_boosting_regressor", ensemble.GradientBoostingRegressor(**gb), xr, yr
    hgb = dict(max_iter=10, max_leaf_nodes=6, random_state=0)
    yield "hist_gradient_boosting_binary", ensemble.HistGradientBoostingClassifier(**hgb), xb, yb
    yield "hist_gradient_boosting_multiclass", ensemble.HistGradientBoostingClassifier(**hgb), xi, yi
    yield "hist_gradient_boosting_regressor", ensemble.HistGradientBoostingRegressor(**hgb), xr_nan, yr
    yield "kneighbors_classifier", neighbors.KNeighborsClassifier(n_neighbors=5), xi, yi
    yield "kneighbors_classifier_distance", neighbors.KNeighborsClassifier(n_neighbors=4, weights="distance"), xb, yb
    yield "kneighbors_manhattan", neighbors.KNeighborsRegressor(n_neighbors=3, p=1), xr, yr
    yield "random_forest_object_labels", ensemble.RandomForestClassifier(n_estimators=3, max_depth=3, random_state=0), xi, pd.Series(yi_str, dtype=object)
    yield "kneighbors_regressor", neighbors.KNeighborsRegressor(n_neighbors=3), xr, yr
    yield "svc_linear", svm.SVC(kernel="linear"), xi, yi
    yield "svc_rbf", svm.SVC(kernel="rbf", gamma="scale"), xi, yi
    yield "svc_rbf_binary", svm.SVC(kernel="rbf", C=2.0), xb, yb
    yield "svc_poly", svm.SVC(kernel="poly", degree=2, coef0=1.0), xi, yi
    yield "svr_sigmoid", svm.SVR(kernel="sigmoid", gamma=0.01, C=10.0), xr, yr
    yield "svc_probability", svm.SVC(probability=True, random_state=0), xi, yi
    yield "svc_probability_binary", svm.SVC(kernel="linear", probability=True, random_state=0), xb, yb
    yield "svr_linear", svm.SVR(kernel="linear", C=10.0), xr, yr
    yield "svr_rbf", svm.SVR(kernel="rbf", C=100.0, gamma=0.1), xr, yr


METHODS = ["predict", "predict_proba", "decision_function", "transform"]


def record(name, est, x, y, out):
    est.fit(x, y) if y is not None else est.fit(x)
    rows = test_rows(x)
    folder = os.path.join(out, name)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "model.pkl"), "wb") as f:
        cloudpickle.dump(est, f)
    outputs = {}
    for m in METHODS:
        if hasattr(est, m):
            try:
                outputs[m] = render_array(getattr(est, m)(rows))
            except Exception as e:  # e.g. predict_proba of a hinge-loss SGD model
                outputs[m] = {"error_class": type(e).__name__, "error_message": str(e)}
    with open(os.path.join(folder, "expected.json"), "w") as f:
        json.dump({"sklearn_version": sklearn.__version__, "estimator": type(est).__name__, "input": render_frame(rows), "outputs": outputs}, f, indent=1)


def bench(out):
    """Python's own predict throughput for a 100-tree random forest, for bench/flavors-sklearn.bench.ts."""
    x, y = datasets.make_classification(n_samples=2000, n_features=10, random_state=0)
    x = frame(x)
    rf = ensemble.RandomForestClassifier(n_estimators=100, max_depth=8, random_state=0, n_jobs=1).fit(x, y)
    with open(os.path.join(out, "model.pkl"), "wb") as f:
        cloudpickle.dump(rf, f)
    results = {}
    for batch in (1, 1000, 100000):
        rows = x.sample(n=batch, replace=True, random_state=1).reset_index(drop=True)
        reps = max(1, 2000 // batch) if batch < 100000 else 1
        start = time.perf_counter()
        for _ in range(reps):
            rf.predict(rows)
        results[str(batch)] = batch * reps / (time.perf_counter() - start)
    sample = x.iloc[:5]
    with open(os.path.join(out, "bench.json"), "w") as f:
        json.dump({"sklearn_version": sklearn.__version__, "python_rows_per_second": results,
                   "input": render_frame(sample), "predict_proba": render_array(rf.predict_proba(sample))}, f, indent=1)


class RunsShell:
    """A pickle that would run a shell command when loaded by Python's pickle."""

    def __reduce__(self):
        return (os.system, ("touch /tmp/modeldock-pwned",))


def special(out):
    """Pickles that test the unpickler itself: a hostile one, and numpy arrays in every layout."""
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "os_system.pkl"), "wb") as f:
        cloudpickle.dump({"model": RunsShell()}, f)
    arrays = {
        "f8_big_endian": np.arange(6, dtype=">f8").reshape(2, 3) / 7,
        "i4_fortran": np.asfortranarray(np.arange(12, dtype="<i4").reshape(3, 4)),
        "f2": np.array([0.5, -2.25, 65504, np.inf], dtype="f2"),
        "u2_big_endian": np.array([1, 513, 65535], dtype=">u2"),
        "bool": np.array([True, False, True]),
        "unicode": np.array(["a", "héllo", "z\u00e9\U0001f600"]),
        "bytes": np.array([b"ab", b"c"]),
        "object": np.array(["x", 1, None], dtype=object),
        "int64": np.array([-(2**63), 2**62], dtype="i8"),
        "record": np.array([(1, 2.5), (-3, 4.25)], dtype=[("a", "<i8"), ("b", ">f8")]),
        "scalar_f8": np.float64(1.5),
        "scalar_i8": np.int64(-7),
        "set": {1, 2},
        "nested": [(1, "two"), {"three": 3.0}],
        "big_int": 2**70,
        "bytes_value": b"\x00\xff",
    }
    for proto in (2, 3, 4, 5):
        with open(os.path.join(out, f"numpy_p{proto}.pkl"), "wb") as f:
            pickle.dump(arrays, f, protocol=proto)


def main():
    out = os.path.join(sys.argv[1], f"{VERSION[0]}.{VERSION[1]}")
    os.makedirs(out, exist_ok=True)
    for name, est, x, y in cases():
        record(name, est, x, y, out)
    if len(sys.argv) > 2 and sys.argv[2] == "--bench":
        special(os.path.join(sys.argv[1], "special"))
        bench(os.path.join(sys.argv[1], "bench"))


if __name__ == "__main__":
    main()
