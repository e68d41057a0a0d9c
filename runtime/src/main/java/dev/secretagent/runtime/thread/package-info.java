/**
 * Per-thread state that stays cheap with virtual threads (issue 17): whether the current thread is virtual
 * ({@link dev.secretagent.runtime.thread.VirtualThreads}), scratch arrays that platform threads keep and virtual threads
 * borrow from a bounded pool ({@link dev.secretagent.runtime.thread.ScratchPool}), and a door's state for the call in
 * progress, which a virtual thread drops when its outermost call ends ({@link dev.secretagent.runtime.thread.CallState}).
 */
package dev.secretagent.runtime.thread;
