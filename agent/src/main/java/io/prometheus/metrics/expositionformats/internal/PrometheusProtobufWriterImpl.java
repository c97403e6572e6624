package io.prometheus.metrics.expositionformats.internal;

import dev.metricsagent.agent.exporter.ProtobufFormatWriter;

/**
 * The name under which the Prometheus client's text-formats module looks up a protobuf writer
 * ({@code PrometheusProtobufWriter} loads it by this name when present). The agent ships
 * prometheus-metrics-exposition-textformats instead of the protobuf-bundling formats module and
 * plugs its own writer in here.
 */
public final class PrometheusProtobufWriterImpl extends ProtobufFormatWriter {}
