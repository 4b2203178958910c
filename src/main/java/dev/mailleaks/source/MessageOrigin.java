package dev.mailleaks.source;

/**
 * Where a message was read from.
 *
 * @param source the input file, with {@code !}-joined paths inside compressed files and containers
 * @param index the message's 1-based ordinal within {@code source}
 * @param offset the byte offset of the message's separator line within an mbox, or -1
 */
public record MessageOrigin(String source, long index, long offset) {}
