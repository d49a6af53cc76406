"""Writes tiny-net.onnx: y = relu(x @ W + b), x float32 [N, 3] -> y float32 [N, 2].

Run once with `python3 make_network.py` (needs the onnx package); the .onnx file is committed so
the example and its test need no Python.
"""
import onnx
from onnx import TensorProto, helper

W = [0.5, -1.0, 1.0, 0.25, -0.5, 2.0]  # 3x2, row-major
B = [0.1, -0.2]

graph = helper.make_graph(
    [
        helper.make_node("MatMul", ["x", "W"], ["xw"]),
        helper.make_node("Add", ["xw", "B"], ["z"]),
        helper.make_node("Relu", ["z"], ["y"]),
    ],
    "tiny-net",
    [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 3])],
    [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 2])],
    initializer=[
        helper.make_tensor("W", TensorProto.FLOAT, [3, 2], W),
        helper.make_tensor("B", TensorProto.FLOAT, [2], B),
    ],
)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)
onnx.checker.check_model(model)
onnx.save(model, "tiny-net.onnx")
