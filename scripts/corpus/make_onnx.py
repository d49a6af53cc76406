"""Generates small ONNX model folders under test/data-files/flavors/onnx/.

Each folder is laid out as `mlflow.onnx.save_model` lays it out (MLmodel + model.onnx) plus
`expected.json` with inputs and onnxruntime's outputs, fed the way MLflow's onnx pyfunc feeds them
(a DataFrame: one column per graph input, float64 cast to float32 for tensor(float) inputs, and the
outputs flattened into a DataFrame; a dict: fed as is, outputs returned as a dict).

    pip install onnx onnxruntime==1.30.0   # from the local wheelhouse
    python3 scripts/corpus/make_onnx.py
"""

import json
import os

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test", "data-files", "flavors", "onnx")


def mlmodel(signature, session_options=None):
    return {
        "flavors": {
            "onnx": {
                "code": None,
                "data": "model.onnx",
                "onnx_session_options": session_options,
                "onnx_version": onnx.__version__,
                "providers": ["CUDAExecutionProvider", "CPUExecutionProvider"],
            },
            "python_function": {
                "data": "model.onnx",
                "env": {"conda": "conda.yaml", "virtualenv": "python_env.yaml"},
                "loader_module": "mlflow.onnx",
                "python_version": "3.11.7",
            },
        },
        "mlflow_version": "3.6.0",
        "signature": signature,
    }


def rendered(a):
    a = np.asarray(a)
    return {"dtype": str(a.dtype), "shape": list(a.shape), "data": a.tolist()}


def save(name, graph, meta, expected, external=False):
    folder = os.path.join(ROOT, name)
    os.makedirs(folder, exist_ok=True)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    # MLflow's save_as_external_data: initializers go to a file beside model.onnx.
    extra = {"save_as_external_data": True, "all_tensors_to_one_file": True,
             "location": "model.onnx.data", "size_threshold": 0} if external else {}
    onnx.save(model, os.path.join(folder, "model.onnx"), **extra)
    with open(os.path.join(folder, "MLmodel"), "w") as f:
        json.dump(meta, f, indent=2)
    sess = ort.InferenceSession(os.path.join(folder, "model.onnx"), providers=["CPUExecutionProvider"])
    expected["outputs"] = {k: rendered(v) for k, v in expected.pop("run")(sess).items()}
    with open(os.path.join(folder, "expected.json"), "w") as f:
        json.dump(expected, f)


def columns_signature(cols):
    inputs = [{"type": "double", "name": c, "required": True} for c in cols]
    return {"inputs": json.dumps(inputs), "outputs": None, "params": None}


def two_inputs(name, session_options=None):
    """a, b: float [N] → sum = a + b, prod = a * b; fed from a DataFrame's same-named columns."""
    graph = helper.make_graph(
        [helper.make_node("Add", ["a", "b"], ["sum"]), helper.make_node("Mul", ["a", "b"], ["prod"])],
        "two_inputs",
        [helper.make_tensor_value_info(n, TensorProto.FLOAT, ["N"]) for n in ["a", "b"]],
        [helper.make_tensor_value_info(n, TensorProto.FLOAT, ["N"]) for n in ["sum", "prod"]],
    )
    a, b = np.array([0.1, 2.5, -3.25]), np.array([1.0, 0.3, 4.0])

    def run(sess):
        out = sess.run(["sum", "prod"], {"a": a.astype(np.float32), "b": b.astype(np.float32)})
        return {"sum": out[0].reshape(-1), "prod": out[1].reshape(-1)}

    save(name, graph, mlmodel(columns_signature(["a", "b"]), session_options),
         {"input": {"columns": ["a", "b"], "data": np.stack([a, b], 1).tolist()},
          "output_type": "pandas.DataFrame", "run": run})


def single_input_matrix(name="single-input-frame", external=False):
    """X: float [N, 3] → Y = X @ W, [N, 2]; a DataFrame is fed whole and Y comes back flattened."""
    W = np.array([[1.0, 0.5], [-2.0, 0.25], [0.125, 3.0]], dtype=np.float32)
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["X", "W"], ["Y"])],
        "matrix",
        [helper.make_tensor_value_info("X", TensorProto.FLOAT, ["N", 3])],
        [helper.make_tensor_value_info("Y", TensorProto.FLOAT, ["N", 2])],
        initializer=[numpy_helper.from_array(W, "W")],  # raw data, so it can live in an external file
    )
    X = np.array([[0.1, 0.2, 0.3], [1.5, -2.0, 7.25]])

    def run(sess):
        return {"Y": sess.run(["Y"], {"X": X.astype(np.float32)})[0].reshape(-1)}

    save(name, graph, mlmodel(columns_signature(["x0", "x1", "x2"])),
         {"input": {"columns": ["x0", "x1", "x2"], "data": X.tolist()}, "output_type": "pandas.DataFrame",
          "run": run}, external)


def int_and_string():
    """ids: int64 [N] → ids + 1; words: string [N] → the same strings; fed as a dict, no signature."""
    one = helper.make_tensor("one", TensorProto.INT64, [1], [1])
    graph = helper.make_graph(
        [helper.make_node("Add", ["ids", "one"], ["next_ids"]), helper.make_node("Identity", ["words"], ["echo"])],
        "int_and_string",
        [helper.make_tensor_value_info("ids", TensorProto.INT64, ["N"]),
         helper.make_tensor_value_info("words", TensorProto.STRING, ["N"])],
        [helper.make_tensor_value_info("next_ids", TensorProto.INT64, ["N"]),
         helper.make_tensor_value_info("echo", TensorProto.STRING, ["N"])],
        initializer=[one],
    )
    ids, words = np.array([1, 41, -7], dtype=np.int64), np.array(["a", "bé", ""], dtype=object)

    def run(sess):
        out = sess.run(["next_ids", "echo"], {"ids": ids, "words": words})
        return {"next_ids": out[0], "echo": out[1]}

    save("int-and-string", graph, mlmodel(None),
         {"input": {"ids": rendered(ids), "words": {"dtype": "str", "shape": [3], "data": words.tolist()}},
          "output_type": "dict[str, numpy.ndarray]", "run": run})


if __name__ == "__main__":
    two_inputs("two-inputs")
    two_inputs("session-options", {
        "intra_op_num_threads": 1, "inter_op_num_threads": 1, "execution_mode": "sequential",
        "graph_optimization_level": 1, "extra_session_config": {"session.intra_op.allow_spinning": "0"}})
    single_input_matrix()
    single_input_matrix("external-data", external=True)
    int_and_string()
