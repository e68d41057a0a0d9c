/**
 * Per-thread state that stays cheap with virtual threads (issue 17): whether the current thread is virtual
 * ({@link dev.secretagent.runtime.thread.VirtualThreads}), and a door's state for the call in progress, which a virtual thread drops when its outermost call ends ({@link dev.secretagent.runtime.thread.CallState}).
 */
package dev.secretagent.runtime.thread;
