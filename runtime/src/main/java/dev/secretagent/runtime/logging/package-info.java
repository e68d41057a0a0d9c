/**
 * Pieces every logging door shares: channel names ({@link dev.secretagent.runtime.logging.LogChannels}), the
 * reflective logger name of an event ({@link dev.secretagent.runtime.logging.LoggerNames}) and the per-thread channel
 * of a call in progress ({@link dev.secretagent.runtime.logging.CallChannel}, one instance per door). Each framework's doors
 * and per-thread state live in their own folder, mirroring {@code agent/.../instrument/<target>/}:
 * {@code door/logback}, {@code door/log4j2}, {@code door/jul}, {@code door/log4j1}. Nothing framework-specific
 * belongs here. ({@code SecretProperties}, a java.lang hook, still sits here and moves to {@code door/jdk}.)
 */
package dev.secretagent.runtime.logging;
