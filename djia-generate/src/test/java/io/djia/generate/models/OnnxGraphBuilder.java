package io.djia.generate.models;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds small ONNX graphs as protobuf, for tests. Tribuo's {@code ONNXContext} only declares float inputs and
 * has no If, Reshape or OneHot, which the stand-ins of the MusicGen export need (int64 and bool inputs, a
 * cache branch), so this writes the {@code ai.onnx.proto.OnnxMl} messages it ships directly.
 */
public final class OnnxGraphBuilder {
    public static final int FLOAT = OnnxMl.TensorProto.DataType.FLOAT_VALUE;
    public static final int INT32 = OnnxMl.TensorProto.DataType.INT32_VALUE;
    public static final int INT64 = OnnxMl.TensorProto.DataType.INT64_VALUE;
    public static final int BOOL = OnnxMl.TensorProto.DataType.BOOL_VALUE;
    public static final int OPSET = 17;

    private final OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder();
    private int nodes;
    private final String prefix;

    public OnnxGraphBuilder(String name) {
        graph.setName(name);
        prefix = name;
    }

    /** A graph input; each dim is an Integer/Long (fixed) or a String (symbolic). */
    public OnnxGraphBuilder input(String name, int elemType, Object... dims) {
        graph.addInput(valueInfo(name, elemType, dims));
        return this;
    }

    public OnnxGraphBuilder output(String name, int elemType, Object... dims) {
        graph.addOutput(valueInfo(name, elemType, dims));
        return this;
    }

    /** An output with a type but no shape (If branches). */
    public OnnxGraphBuilder outputNoShape(String name, int elemType) {
        graph.addOutput(OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(elemType))));
        return this;
    }

    private static OnnxMl.ValueInfoProto valueInfo(String name, int elemType, Object... dims) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
        for (Object d : dims) {
            OnnxMl.TensorShapeProto.Dimension.Builder dim = OnnxMl.TensorShapeProto.Dimension.newBuilder();
            if (d instanceof String s) {
                dim.setDimParam(s);
            } else {
                dim.setDimValue(((Number) d).longValue());
            }
            shape.addDim(dim);
        }
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(shape))).build();
    }

    /** Adds a node; returns its first output's name. */
    public String node(String op, String[] inputs, String[] outputs, OnnxMl.AttributeProto... attributes) {
        OnnxMl.NodeProto.Builder node = OnnxMl.NodeProto.newBuilder().setOpType(op).setName(prefix + "_" + op + "_" + nodes++);
        for (String in : inputs) {
            node.addInput(in);
        }
        for (String out : outputs) {
            node.addOutput(out);
        }
        for (OnnxMl.AttributeProto a : attributes) {
            node.addAttribute(a);
        }
        graph.addNode(node);
        return outputs[0];
    }

    /** A one-output node named {@code output}. */
    public String op(String op, String output, String... inputs) {
        return node(op, inputs, new String[] {output});
    }

    public String longs(String name, long[] dims, long... values) {
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name).setDataType(INT64);
        for (long d : dims) {
            t.addDims(d);
        }
        for (long v : values) {
            t.addInt64Data(v);
        }
        graph.addInitializer(t);
        return name;
    }

    public String floats(String name, long[] dims, float... values) {
        graph.addInitializer(floatTensor(name, dims, values));
        return name;
    }

    public static OnnxMl.TensorProto floatTensor(String name, long[] dims, float... values) {
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name).setDataType(FLOAT);
        for (long d : dims) {
            t.addDims(d);
        }
        for (float v : values) {
            t.addFloatData(v);
        }
        return t.build();
    }

    public static OnnxMl.AttributeProto intAttr(String name, long value) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INT).setI(value).build();
    }

    public static OnnxMl.AttributeProto intsAttr(String name, long... values) {
        OnnxMl.AttributeProto.Builder a = OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    public static OnnxMl.AttributeProto graphAttr(String name, OnnxMl.GraphProto g) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.GRAPH).setG(g).build();
    }

    public OnnxMl.GraphProto build() {
        return graph.build();
    }

    /** Writes {@code g} as a model file (IR 8, default domain at {@link #OPSET}). */
    public static void save(OnnxMl.GraphProto g, Path file) throws IOException {
        OnnxMl.ModelProto model = OnnxMl.ModelProto.newBuilder().setIrVersion(8).setProducerName("djia-tests")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET)).setGraph(g).build();
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            model.writeTo(out);
        }
    }
}
